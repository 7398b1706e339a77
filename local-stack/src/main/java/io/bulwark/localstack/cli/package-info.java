/**
 * The {@code bulwark} command line as a client of the scheduler's REST API: {@code backup}, {@code restores}, {@code
 * schedules}, {@code targets}, {@code stats}, {@code retention}, {@code watch} and {@code completion}. Every client
 * command shares {@link io.bulwark.localstack.cli.ApiOptions} (where the API is and which token to send), prints
 * tables that fit the terminal ({@link io.bulwark.localstack.cli.Table}) or the API's JSON with {@code --json}, and
 * ends with one of the exit codes of {@link io.bulwark.localstack.cli.CliExit}.
 */
package io.bulwark.localstack.cli;
