package io.bulwark.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageRedactorTest {

    private static void redactsTo(String message, String expected) {
        assertThat(MessageRedactor.redact(message)).isEqualTo(expected);
        assertThat(MessageRedactor.redact(expected)).as("idempotent").isEqualTo(expected);
    }

    @Test
    void removesTheUserInfoOfUrls() {
        redactsTo(
                "cannot reach s3://AKIAXX:hunter2@minio:9000/bucket and postgresql://bulwark:s3cr%40t@db:5432/shop",
                "cannot reach s3://***@minio:9000/bucket and postgresql://***@db:5432/shop");
        redactsTo("mysql://backup@127.0.0.1:3306/shop refused", "mysql://***@127.0.0.1:3306/shop refused");
        redactsTo("see https://example.com/docs", "see https://example.com/docs");
    }

    @Test
    void removesPasswordsAndKeys() {
        redactsTo(
                "env PGPASSWORD=hunter2 pg_dump ... password='x y' pwd: abc; MYSQL_PWD=q",
                "env PGPASSWORD=*** pg_dump ... password=*** pwd: ***; MYSQL_PWD=***");
        redactsTo(
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY access-key=minio",
                "aws_secret_access_key = *** access-key=***");
        redactsTo("key AKIAIOSFODNN7EXAMPLE leaked", "key *** leaked");
        redactsTo(
                "ERROR 1064 near 'CREATE USER x IDENTIFIED BY 'p@ss''' at line 3: ALTER USER 'a'@'%' IDENTIFIED BY"
                        + " PASSWORD '*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29'",
                "ERROR 1064 near 'CREATE USER x IDENTIFIED BY '***' at line 3: ALTER USER 'a'@'%' IDENTIFIED BY"
                        + " PASSWORD '***'");
        redactsTo(
                "pg_restore: error: could not execute query: CREATE ROLE app LOGIN PASSWORD 'Sup3r$ecret';",
                "pg_restore: error: could not execute query: CREATE ROLE app LOGIN PASSWORD '***';");
    }

    @Test
    void removesRowDataFromPgRestoreAndPsqlErrors() {
        redactsTo(
                "pg_restore: error: COPY failed for table \"customer\": ERROR:  duplicate key value violates unique"
                        + " constraint \"customer_email_key\"\nDETAIL:  Key (email)=(alice@example.com) already exists.\n"
                        + "CONTEXT:  COPY customer, line 2",
                "pg_restore: error: COPY failed for table \"customer\": ERROR:  duplicate key value violates unique"
                        + " constraint \"customer_email_key\"\nDETAIL:  Key (email)=(…) already exists.\n"
                        + "CONTEXT:  COPY customer, line 2");
        redactsTo(
                "ERROR:  insert or update on table \"orders\" violates foreign key constraint \"orders_customer_fkey\"\n"
                        + "DETAIL:  Key (customer_id)=(42) is not present in table \"customer\".",
                "ERROR:  insert or update on table \"orders\" violates foreign key constraint \"orders_customer_fkey\"\n"
                        + "DETAIL:  Key (customer_id)=(…) is not present in table \"customer\".");
        redactsTo(
                "ERROR:  new row for relation \"account\" violates check constraint \"balance_positive\"\n"
                        + "DETAIL:  Failing row contains (7, Bob Smith, bob@example.com, -12.50).\n"
                        + "CONTEXT:  COPY account, line 7: \"7\tBob Smith\tbob@example.com\t-12.50\"",
                "ERROR:  new row for relation \"account\" violates check constraint \"balance_positive\"\n"
                        + "DETAIL:  Failing row contains (…).\n"
                        + "CONTEXT:  COPY account, line 7: \"…\"");
        redactsTo(
                "ERROR:  invalid input syntax for type integer: \"x\"\nCONTEXT:  COPY t, line 1, column id: \"4111 1111\"",
                "ERROR:  invalid input syntax for type integer: \"x\"\nCONTEXT:  COPY t, line 1, column id: \"…\"");
    }

    @Test
    void removesRowDataFromMariaDbErrors() {
        redactsTo(
                "ERROR 1062 (23000) at line 41: Duplicate entry 'alice@example.com' for key 'uq_email'",
                "ERROR 1062 (23000) at line 41: Duplicate entry '…' for key 'uq_email'");
        redactsTo(
                "ERROR 1366 (22007) at line 9: Incorrect integer value: 'four' for column `shop`.`t`.`n` at row 1",
                "ERROR 1366 (22007) at line 9: Incorrect integer value: '…' for column `shop`.`t`.`n` at row 1");
        redactsTo(
                "ERROR 1045 (28000): Access denied for user 'backup'@'127.0.0.1' (using password: YES)",
                "ERROR 1045 (28000): Access denied for user 'backup'@'127.0.0.1' (using password: YES)");
    }

    @Test
    void trimsLongMessagesOnce() {
        String redacted = MessageRedactor.redact("x".repeat(10_000));
        assertThat(redacted).hasSizeLessThanOrEqualTo(MessageRedactor.MAX_CHARS).endsWith("characters cut)");
        assertThat(MessageRedactor.redact(redacted)).isEqualTo(redacted);
        assertThat(MessageRedactor.redact(null)).isNull();
    }

    @Test
    void theEventsAndReportsCarryingMessagesRedactThem() {
        String raw = "pg_dump: error: connection to postgresql://u:hunter2@db/shop failed; PGPASSWORD=hunter2";
        assertThat(new CheckResult("restore", CheckStatus.ERROR, raw, 1).detail())
                .doesNotContain("hunter2");
        assertThat(new BackupFailed(
                                UUID.randomUUID(),
                                Instant.now(),
                                1,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                "shop",
                                FailureReason.values()[0],
                                raw,
                                1,
                                1,
                                false)
                        .message())
                .doesNotContain("hunter2");
    }
}
