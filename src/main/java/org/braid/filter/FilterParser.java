package org.braid.filter;

import java.util.List;
import org.braid.filter.FilterLexer.Kind;
import org.braid.filter.FilterLexer.Token;

/**
 * Recursive-descent parser of the filter language described in {@link org.braid.filter}. Errors
 * stop the parse and come back as a {@link FilterResult}, never as an exception.
 */
public final class FilterParser {
    private final List<Token> tokens;
    private final FieldResolver fields;
    private int next;
    /** True once a field that needs the decoded packet is tested. */
    private boolean decodes;

    private FilterParser(String text, FieldResolver fields) {
        this.tokens = FilterLexer.tokens(text);
        this.fields = fields;
    }

    /** Parses {@code text} with the fields {@code fields} knows; an empty text gives {@link Filter#ALL}. */
    public static FilterResult parse(String text, FieldResolver fields) {
        FilterParser parser = new FilterParser(text, fields);
        if (parser.peek().kind() == Kind.END) {
            return FilterResult.valid(Filter.ALL);
        }
        try {
            Filter filter = parser.or();
            Token rest = parser.peek();
            if (rest.kind() != Kind.END) {
                throw new Failure(rest.position(), switch (rest.kind()) {
                    case RPAREN -> "')' without a matching '('";
                    case ERROR -> unexpected(rest);
                    default -> "expected && or || before '" + rest.text() + "'";
                });
            }
            return FilterResult.valid(parser.decodes ? filter : Filter.numbersOnly(filter));
        } catch (Failure failure) {
            return FilterResult.invalid(failure.position, failure.getMessage());
        }
    }

    /** Parses with the decoder's fields only. */
    public static FilterResult parse(String text) {
        return parse(text, PacketFields.instance());
    }

    private Filter or() {
        Filter left = and();
        while (peek().kind() == Kind.OR) {
            next++;
            Filter a = left;
            Filter b = and();
            left = input -> a.matches(input) || b.matches(input);
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (peek().kind() == Kind.AND) {
            next++;
            Filter a = left;
            Filter b = unary();
            left = input -> a.matches(input) && b.matches(input);
        }
        return left;
    }

    private Filter unary() {
        Token token = take();
        switch (token.kind()) {
            case NOT -> {
                Filter inner = unary();
                return input -> !inner.matches(input);
            }
            case LPAREN -> {
                Filter inner = or();
                Token close = take();
                if (close.kind() != Kind.RPAREN) {
                    throw new Failure(close.position(), close.kind() == Kind.END
                            ? "missing ')' for the '(' at column " + (token.position() + 1)
                            : "expected ')' but found '" + close.text() + "'");
                }
                return inner;
            }
            case WORD -> {
                return test(token);
            }
            case END -> throw new Failure(token.position(), "expression ends where a field was expected");
            case ERROR -> throw new Failure(token.position(), unexpected(token));
            default -> throw new Failure(token.position(), "expected a field but found '" + token.text() + "'");
        }
    }

    private Filter test(Token name) {
        Field field = fields.field(name.text());
        if (field == null) {
            throw new Failure(name.position(), looksLikeValue(name.text())
                    ? "'" + name.text() + "' is a value; compare it with a field, e.g. ip.addr == " + name.text()
                    : "unknown field '" + name.text() + "'");
        }
        decodes |= field.needsDecode();
        if (peek().kind() != Kind.COMPARE) {
            return field::present;
        }
        Token operator = take();
        if (field.type() == FieldType.PROTOCOL) {
            throw new Failure(operator.position(),
                    "'" + name.text() + "' can only be tested for presence, not compared");
        }
        Comparison comparison = Comparison.of(operator.text());
        if (field.type() == FieldType.ADDRESS && comparison.ordering()) {
            throw new Failure(operator.position(), "addresses can only be compared with == or !=");
        }
        if (field.type() == FieldType.NAME && comparison.ordering()) {
            throw new Failure(operator.position(), "'" + name.text() + "' can only be compared with == or !=");
        }
        Token literal = take();
        if (field.type() == FieldType.NAME && (literal.kind() == Kind.STRING || literal.kind() == Kind.WORD)) {
            return nameCompare((NamedField) field, comparison, literal);
        }
        if (literal.kind() == Kind.STRING) {
            throw new Failure(literal.position(), "'" + name.text() + "' takes no quoted text");
        }
        if (literal.kind() != Kind.WORD) {
            throw new Failure(literal.position(), literal.kind() == Kind.END
                    ? "a value is missing after " + operator.text()
                    : "expected a value after " + operator.text() + " but found '" + literal.text() + "'");
        }
        Compare compare = field.type() == FieldType.ADDRESS
                ? addressCompare(field, comparison, literal)
                : numberCompare(field, comparison, literal);
        return compare;
    }

    private static Compare nameCompare(NamedField field, Comparison comparison, Token literal) {
        int code = field.code(literal.text());
        if (code < 0) {
            throw new Failure(literal.position(), "'" + literal.text() + "' is not one of: "
                    + String.join(", ", field.names()));
        }
        return new Compare(field, comparison, 0, code);
    }

    private static Compare addressCompare(Field field, Comparison comparison, Token literal) {
        AddressLiteral address = AddressLiteral.parse(literal.text());
        if (address == null) {
            throw new Failure(literal.position(), "'" + literal.text() + "' is not an IPv4 or IPv6 address");
        }
        return new Compare(field, comparison, address.high, address.low);
    }

    private static Compare numberCompare(Field field, Comparison comparison, Token literal) {
        String text = literal.text();
        if (field.type() == FieldType.BOOLEAN && (text.equals("true") || text.equals("false"))) {
            return new Compare(field, comparison, 0, text.equals("true") ? 1 : 0);
        }
        try {
            long value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseUnsignedLong(text.substring(2), 16)
                    : Long.parseUnsignedLong(text);
            return new Compare(field, comparison, 0, value);
        } catch (NumberFormatException e) {
            throw new Failure(literal.position(), "'" + text + "' is not "
                    + (field.type() == FieldType.BOOLEAN ? "0, 1, true or false" : "an integer (decimal or 0x hex)"));
        }
    }

    private static String unexpected(Token token) {
        return token.text().equals("=") ? "'=' is not an operator; compare with =="
                : "unexpected character '" + token.text() + "'";
    }

    private static boolean looksLikeValue(String word) {
        return Character.isDigit(word.charAt(0)) || word.indexOf(':') >= 0;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private enum Comparison {
        EQ, NE, LT, LE, GT, GE;

        static Comparison of(String operator) {
            return switch (operator) {
                case "==" -> EQ;
                case "!=" -> NE;
                case "<" -> LT;
                case "<=" -> LE;
                case ">" -> GT;
                default -> GE;
            };
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }
    }

    /** {@code field op literal}; it is its own {@link ValueTest}, so matching allocates nothing. */
    private static final class Compare implements Filter, ValueTest {
        private final Field field;
        private final Comparison comparison;
        private final long high;
        private final long low;

        Compare(Field field, Comparison comparison, long high, long low) {
            this.field = field;
            this.comparison = comparison;
            this.high = high;
            this.low = low;
        }

        @Override
        public boolean matches(FilterInput input) {
            // "a != b" is "not (a == b)", as in Wireshark 4: no value of a may equal b.
            return comparison == Comparison.NE ? !field.anyMatch(input, this) : field.anyMatch(input, this);
        }

        @Override
        public boolean test(long valueHigh, long valueLow) {
            if (comparison == Comparison.EQ || comparison == Comparison.NE) {
                return valueHigh == high && valueLow == low;
            }
            int order = Long.compareUnsigned(valueLow, low);
            return switch (comparison) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                default -> order >= 0;
            };
        }
    }

    /** Unwinds the parse to {@link #parse} with the first error. */
    private static final class Failure extends RuntimeException {
        final int position;

        Failure(int position, String reason) {
            super(reason, null, false, false);
            this.position = position;
        }
    }
}
