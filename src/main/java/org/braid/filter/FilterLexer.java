package org.braid.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter text into tokens, each with its position; unknown characters become ERROR tokens. */
final class FilterLexer {
    enum Kind { WORD, STRING, LPAREN, RPAREN, AND, OR, NOT, COMPARE, END, ERROR }

    record Token(Kind kind, String text, int position) {}

    private FilterLexer() {}

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    out.add(new Token(Kind.ERROR, "\"", i));
                    i++;
                } else {
                    // A quoted name (no escapes: names are plain words like "data-level"); position of the quote.
                    out.add(new Token(Kind.STRING, text.substring(i + 1, close), i));
                    i = close + 1;
                }
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(word(text.substring(start, i), start));
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                Token symbol = switch (two) {
                    case "&&" -> new Token(Kind.AND, two, i);
                    case "||" -> new Token(Kind.OR, two, i);
                    case "==", "!=", "<=", ">=" -> new Token(Kind.COMPARE, two, i);
                    default -> switch (c) {
                        case '(' -> new Token(Kind.LPAREN, "(", i);
                        case ')' -> new Token(Kind.RPAREN, ")", i);
                        case '!' -> new Token(Kind.NOT, "!", i);
                        case '<', '>' -> new Token(Kind.COMPARE, String.valueOf(c), i);
                        default -> new Token(Kind.ERROR, String.valueOf(c), i);
                    };
                };
                out.add(symbol);
                i += symbol.text().length();
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }

    /** Word operators (and, or, not, eq...) are spelled as in Wireshark; the rest are fields or literals. */
    private static Token word(String word, int position) {
        return switch (word) {
            case "and" -> new Token(Kind.AND, word, position);
            case "or" -> new Token(Kind.OR, word, position);
            case "not" -> new Token(Kind.NOT, word, position);
            case "eq" -> new Token(Kind.COMPARE, "==", position);
            case "ne" -> new Token(Kind.COMPARE, "!=", position);
            case "lt" -> new Token(Kind.COMPARE, "<", position);
            case "le" -> new Token(Kind.COMPARE, "<=", position);
            case "gt" -> new Token(Kind.COMPARE, ">", position);
            case "ge" -> new Token(Kind.COMPARE, ">=", position);
            default -> new Token(Kind.WORD, word, position);
        };
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == ':';
    }
}
