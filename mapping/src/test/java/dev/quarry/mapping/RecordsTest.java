package dev.quarry.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What can be checked without rows; the rows themselves are mapped in testkit's RecordMappingSuite on three databases. */
class RecordsTest {
    record Film(int filmId, @ColumnName("title") String name) {}

    record Customer(int customerId, Optional<Customer> referrer) {}

    record View(int id, Film film, Optional<Customer> customer, List<String> tags) {}

    @Test
    void theShapeOfARecordIsFoundOnceWithNestedRecordsOneLevelDeep() {
        RecordShape<View> shape = RecordShape.of(View.class);
        assertThat(RecordShape.of(View.class)).isSameAs(shape);
        assertThat(shape.components).extracting(c -> c.name + ":" + c.typeLabel + ":" + c.key)
                .containsExactly("id:int:id", "film:Film:film", "customer:Optional<Customer>:customer",
                        "tags:List<String>:tags");
        assertThat(shape.components[0].nested).isNull();
        assertThat(shape.components[1].nested.type).isEqualTo(Film.class);
        assertThat(shape.components[1].optional).isFalse();
        assertThat(shape.components[2].nested.type).isEqualTo(Customer.class);
        assertThat(shape.components[2].optional).isTrue();
        assertThat(shape.components[2].nested.components[1].nested).as("one level only").isNull();
        assertThat(shape.components[3].nested).isNull();
        assertThat(shape.components[1].nested.components[1].key).isEqualTo("title");
    }

    @Test
    void mappersNameTheirRecordAndForm() {
        assertThat(Records.byName(Film.class).type()).isEqualTo(Film.class);
        assertThat(Records.byName(Film.class)).hasToString("RecordMapper[byName " + Film.class.getName() + "]");
        assertThat(Records.byPosition(Film.class)).hasToString("RecordMapper[byPosition " + Film.class.getName() + "]");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aClassThatIsNotARecordFailsWhenTheMapperIsMade() {
        assertThatThrownBy(() -> Records.byName((Class) String.class)).isInstanceOf(MappingException.class)
                .hasMessage("java.lang.String is not a record; the mapping layer fills records");
        assertThatThrownBy(() -> Records.byName(null)).isInstanceOf(NullPointerException.class).hasMessage("type");
    }
}
