package io.paasruntime.core.support;

import io.paasruntime.core.errors.ValidationFailed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void defaultsToFiftyWithoutCursor() {
        PageRequest page = PageRequest.parse("apps", Optional.empty(), Optional.empty());
        assertThat(page.limit()).isEqualTo(50);
        assertThat(page.position()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "10000", "abc", "201", ""})
    void refusesLimitsOutsideOneToTwoHundred(String limit) {
        assertThatThrownBy(() -> PageRequest.parse("apps", Optional.of(limit), Optional.empty()))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting("field").containsExactly("limit"));
    }

    @Test
    void acceptsTheBounds() {
        assertThat(PageRequest.parse("apps", Optional.of("1"), Optional.empty()).limit()).isEqualTo(1);
        assertThat(PageRequest.parse("apps", Optional.of("200"), Optional.empty()).limit()).isEqualTo(200);
    }

    @Test
    void aCursorRoundTripsToItsPosition() {
        String cursor = PageRequest.encode("apps", "0190a3c4-0000-7000-8000-000000000001");
        assertThat(PageRequest.parse("apps", Optional.empty(), Optional.of(cursor)).position())
                .contains("0190a3c4-0000-7000-8000-000000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-cursor!", "bm9wZQ", "YXBwczo"})
    void refusesCursorsItDidNotIssue(String cursor) {
        assertThatThrownBy(() -> PageRequest.parse("apps", Optional.empty(), Optional.of(cursor)))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting("field").containsExactly("cursor"));
    }

    @Test
    void refusesACursorOfAnotherListing() {
        String releases = PageRequest.encode("releases", "3");
        assertThatThrownBy(() -> PageRequest.parse("apps", Optional.empty(), Optional.of(releases)))
                .isInstanceOf(ValidationFailed.class);
    }
}
