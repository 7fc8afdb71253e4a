package org.disclosuredesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Valid numbers are accepted, not only wrong check characters refused. The check characters of the
 * generated codes are computed here, independently of the production code: GB 32100-2015 (USCC:
 * weights 3^i mod 31, check = 31 − Σ mod 31 over the 31-character alphabet without I, O, Z, S, V) and
 * GB 11643-1999 (resident ID: weights 2^(17−i) mod 11, check "10X98765432"[Σ mod 11]).
 */
class IdentityNumbersTest {

  private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Published codes: the example of GB 32100-2015 and codes printed on well-known companies' licences. */
  private static final List<String> PUBLISHED_USCC = List.of(
      "91350100M000100Y43", // GB 32100-2015 example
      "91330100799655058B",
      "9144030071526726XG",
      "91110000802100433B",
      "91440300708461136T",
      "91310000MA1FL4B24G");

  @Test
  void publishedUnifiedSocialCreditCodesAreValid() {
    for (String code : PUBLISHED_USCC) {
      assertThat(usccCheck(code.substring(0, 17))).as(code + " (independent check)").isEqualTo(code.charAt(17));
      assertThat(IdentityNumbers.isValidSocialCreditCode(code)).as(code).isTrue();
    }
  }

  @Test
  void generatedCodesWithEveryCheckCharacterAreValidAndEveryOtherCheckCharacterIsNot() {
    Random random = new Random(32100);
    List<Character> checks = new ArrayList<>();
    for (int n = 0; n < 2000 && checks.size() < USCC_CHARACTERS.length(); n++) {
      // registration authority 9 (工商), category 1/2/3, six-digit division code, nine-character organisation code
      StringBuilder body = new StringBuilder("9").append("123".charAt(random.nextInt(3)));
      for (int i = 0; i < 6; i++) {
        body.append(random.nextInt(10));
      }
      for (int i = 0; i < 9; i++) {
        body.append(USCC_CHARACTERS.charAt(random.nextInt(USCC_CHARACTERS.length())));
      }
      char check = usccCheck(body.toString());
      assertThat(IdentityNumbers.isValidSocialCreditCode(body.toString() + check)).as(body + "" + check).isTrue();
      for (char other : USCC_CHARACTERS.toCharArray()) {
        if (other != check) {
          assertThat(IdentityNumbers.isValidSocialCreditCode(body.toString() + other)).as(body + "" + other).isFalse();
        }
      }
      if (!checks.contains(check)) {
        checks.add(check);
      }
    }
    assertThat(checks).as("every check character was produced").hasSize(USCC_CHARACTERS.length());
  }

  @Test
  void validResidentIdNumbersAreAccepted() {
    // the GB 11643-1999 example, and numbers whose check character is computed here
    assertThat(IdentityNumbers.isValidResidentId("11010519491231002X")).isTrue();
    List<String> bodies = List.of("44030819990101123", "31011519800101123", "51010719770512001", "21020420000229003",
        "65010219550730456", "11010820101010101");
    for (String body : bodies) {
      String id = body + idCheck(body);
      assertThat(IdentityNumbers.isValidResidentId(id)).as(id).isTrue();
      assertThat(IdentityNumbers.isValidResidentId(id.toLowerCase())).as(id + " lower case x").isTrue();
      char wrong = idCheck(body) == '0' ? '1' : '0';
      assertThat(IdentityNumbers.isValidResidentId(body + wrong)).as(body + wrong).isFalse();
    }
    // a valid check character does not save an impossible birth date (2001-02-29)
    String impossible = "11010520010229001";
    assertThat(IdentityNumbers.isValidResidentId(impossible + idCheck(impossible))).isFalse();
  }

  static char usccCheck(String body) {
    int sum = 0;
    int weight = 1;
    for (char c : body.toCharArray()) {
      sum += USCC_CHARACTERS.indexOf(c) * weight;
      weight = weight * 3 % 31;
    }
    return USCC_CHARACTERS.charAt((31 - sum % 31) % 31);
  }

  static char idCheck(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * (1 << (17 - i)) % 11;
    }
    return "10X98765432".charAt(sum % 11);
  }
}
