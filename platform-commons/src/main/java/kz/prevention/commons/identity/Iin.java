package kz.prevention.commons.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The individual identification number: 12 digits, {@code YYMMDD}, a century-and-sex digit
 * (1/2 → 1800s male/female, 3/4 → 1900s, 5/6 → 2000s), four serial digits and a check digit
 * ({@code sum(d1..d11 × [1..11]) mod 11}; when 10, {@code sum(d1..d11 × [3..11,1,2]) mod 11};
 * when 10 again the number is invalid). Government Decree No. 406 of 2007. Shared by the services
 * (registry-service keeps persons by it; commission-service checks a public assistant's age with it).
 */
public record Iin(String value, LocalDate birthDate, Sex sex) {

    public enum Sex { M, F }

    private static final int[] WEIGHTS_1 = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] WEIGHTS_2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    /** The parsed IIN, or the reason it is not one. */
    public static Result parse(String raw) {
        if (raw == null || !raw.matches("[0-9]{12}")) {
            return Result.invalid("must be 12 digits");
        }
        int[] d = raw.chars().map(c -> c - '0').toArray();
        Optional<Integer> check = checkDigit(d);
        if (check.isEmpty() || check.get() != d[11]) {
            return Result.invalid("check digit does not match");
        }
        int centuryDigit = d[6];
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Result.invalid("7th digit must be 1–6 (century and sex)");
        }
        int century = 1800 + 100 * ((centuryDigit - 1) / 2);
        LocalDate birth;
        try {
            birth = LocalDate.of(century + d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]);
        } catch (DateTimeException e) {
            return Result.invalid("encodes an impossible birth date");
        }
        return Result.valid(new Iin(raw, birth, centuryDigit % 2 == 1 ? Sex.M : Sex.F));
    }

    /** Also used for BINs, which share the rule. */
    public static Optional<Integer> checkDigit(int[] digits) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += digits[i] * WEIGHTS_1[i];
        }
        int check = sum % 11;
        if (check == 10) {
            sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += digits[i] * WEIGHTS_2[i];
            }
            check = sum % 11;
        }
        return check == 10 ? Optional.empty() : Optional.of(check);
    }

    public record Result(Iin iin, String problem) {
        static Result valid(Iin iin) {
            return new Result(iin, null);
        }

        static Result invalid(String problem) {
            return new Result(null, problem);
        }

        public boolean isValid() {
            return iin != null;
        }
    }
}
