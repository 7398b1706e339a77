package io.bulwark.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ApiClientTest {

    @Test
    void tellsWhatToDoAboutAMissingTokenOrTooSmallARole() {
        CliException unauthorized = ApiClient.failureOf(401, "");
        CliException forbidden = ApiClient.failureOf(403, "{\"detail\":\"needs ADMIN\"}");

        assertThat(unauthorized.getMessage())
                .isEqualTo("401: the token is missing or expired (set BULWARK_TOKEN or --token-file)");
        assertThat(unauthorized.exitCode()).isEqualTo(CliExit.REFUSED);
        assertThat(forbidden.getMessage()).isEqualTo("403: the token's role is too small for this");
        assertThat(forbidden.exitCode()).isEqualTo(CliExit.REFUSED);
    }

    @Test
    void showsTheProblemDetailOfOtherRefusals() {
        CliException notFound = ApiClient.failureOf(
                404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"backup 42 is not known\"}");
        CliException badInput = ApiClient.failureOf(400, "{\"title\":\"Bad Request\",\"field\":\"cron\"}");
        CliException notJson = ApiClient.failureOf(409, "<html>\n  conflict\n</html>");
        CliException badCron = ApiClient.failureOf(
                400, "{\"detail\":\"'61 * * * *' is not a valid cron expression\",\"field\":\"cron\"}");
        CliException named = ApiClient.failureOf(400, "{\"detail\":\"id: 'x' is not a valid UUID\",\"field\":\"id\"}");

        assertThat(notFound.getMessage()).isEqualTo("404: backup 42 is not known");
        assertThat(notFound.exitCode()).isEqualTo(CliExit.REFUSED);
        assertThat(badInput.getMessage()).isEqualTo("400: cron: Bad Request");
        assertThat(badCron.getMessage()).isEqualTo("400: cron: '61 * * * *' is not a valid cron expression");
        assertThat(named.getMessage()).isEqualTo("400: id: 'x' is not a valid UUID");
        assertThat(notJson.getMessage()).isEqualTo("409: <html> conflict </html>");
    }

    @Test
    void countsServerErrorsAsTheApiFailing() {
        CliException failed = ApiClient.failureOf(503, "{\"detail\":\"database down\"}");

        assertThat(failed.exitCode()).isEqualTo(CliExit.UNREACHABLE);
        assertThat(failed.getMessage()).isEqualTo("the Bulwark API failed (503): database down");
    }

    @Test
    void namesTheUrlWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        CliException e = catchThrowableOfType(CliException.class, () -> new ApiClient(url, "t").get("/api/backups"));

        assertThat(e.getMessage()).isEqualTo("cannot reach the Bulwark API at " + url + ": is `./bulwark up` running?");
        assertThat(e.exitCode()).isEqualTo(CliExit.UNREACHABLE);
    }

    @Test
    void encodesQueryValuesAndLeavesOutNulls() {
        assertThat(ApiClient.query("/api/backups", ApiClient.params("targetId", "a b", "state", null, "limit", 5)))
                .isEqualTo("/api/backups?targetId=a+b&limit=5");
        assertThat(ApiClient.query("/api/targets", ApiClient.params("targetId", null)))
                .isEqualTo("/api/targets");
    }
}
