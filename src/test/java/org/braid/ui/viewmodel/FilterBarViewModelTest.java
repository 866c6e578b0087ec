package org.braid.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.braid.filter.Field;
import org.braid.filter.FieldResolver;
import org.braid.filter.FieldType;
import org.braid.filter.PacketFields;
import org.junit.jupiter.api.Test;

class FilterBarViewModelTest {
    @Test
    void stateFollowsTheText() {
        FilterBarViewModel bar = new FilterBarViewModel();
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.EMPTY);
        bar.textProperty().set("tcp.port == 80 &&");
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.INVALID);
        assertThat(bar.messageProperty().get()).isEqualTo("column 18: expression ends where a field was expected");
        bar.textProperty().set("tcp.port == 80");
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.VALID);
        assertThat(bar.messageProperty().get()).isEmpty();
        bar.textProperty().set("  ");
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.EMPTY);
    }

    @Test
    void analysisFieldsBecomeValidWhenTheirResolverArrives() {
        FilterBarViewModel bar = new FilterBarViewModel();
        bar.textProperty().set("tcp.stream == 1");
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.INVALID);
        FieldResolver analysis = new FieldResolver() {
            @Override
            public Field field(String name) {
                return name.equals("tcp.stream") ? new Field() {
                    @Override public FieldType type() { return FieldType.NUMBER; }
                    @Override public boolean anyMatch(org.braid.filter.FilterInput in, org.braid.filter.ValueTest t) {
                        return t.test(0, 1);
                    }
                } : null;
            }

            @Override
            public Collection<String> fieldNames() { return List.of("tcp.stream"); }
        };
        bar.fieldsProperty().set(PacketFields.instance().or(analysis));
        assertThat(bar.stateProperty().get()).isEqualTo(FilterBarViewModel.State.VALID);
    }
}
