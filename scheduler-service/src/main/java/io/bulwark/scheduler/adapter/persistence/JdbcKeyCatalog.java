package io.bulwark.scheduler.adapter.persistence;

import io.bulwark.scheduler.application.KeyCatalog;
import java.sql.Array;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link KeyCatalog} on PostgreSQL ({@code V10__encryption_keys.sql}). Thread-safe. */
@Repository
public class JdbcKeyCatalog implements KeyCatalog {

    private final JdbcClient jdbc;

    public JdbcKeyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveRecipients(UUID backupId, List<String> recipients, String learntFrom, Instant at) {
        jdbc.sql("""
                        insert into scheduler.backup_recipients (backup_id, recipients, learnt_from, updated_at)
                        values (?, ?::text[], ?, ?)
                        on conflict (backup_id) do update set recipients = excluded.recipients,
                            learnt_from = excluded.learnt_from, updated_at = excluded.updated_at""")
                .param(backupId)
                .param(JdbcValues.textArray(recipients))
                .param(learntFrom)
                .param(JdbcValues.ts(at))
                .update();
    }

    @Override
    public List<RetainedBackup> retainedBackups() {
        return jdbc.sql("""
                        select b.backup_id, b.target_id, b.state, r.recipients
                        from scheduler.backups b left join scheduler.backup_recipients r using (backup_id)
                        where b.state in ('COMPLETED', 'VERIFIED', 'VERIFICATION_FAILED', 'VERIFICATION_ERROR')
                        order by b.sort_at desc, b.backup_id""")
                .query((rs, n) -> {
                    Array array = rs.getArray("recipients");
                    List<String> recipients = array == null ? null : List.of((String[]) array.getArray());
                    return new RetainedBackup(
                            rs.getObject("backup_id", UUID.class),
                            rs.getString("target_id"),
                            rs.getString("state"),
                            recipients);
                })
                .list();
    }

    @Override
    public Map<String, Retirement> retired() {
        Map<String, Retirement> retired = new LinkedHashMap<>();
        jdbc.sql("select fingerprint, retired_at, retired_by from scheduler.retired_keys order by fingerprint")
                .query(rs -> {
                    retired.put(
                            rs.getString("fingerprint"),
                            new Retirement(rs.getTimestamp("retired_at").toInstant(), rs.getString("retired_by")));
                });
        return retired;
    }

    @Override
    public void retire(String fingerprint, String by, Instant at) {
        jdbc.sql("""
                        insert into scheduler.retired_keys (fingerprint, retired_at, retired_by) values (?, ?, ?)
                        on conflict (fingerprint) do nothing""").param(fingerprint).param(JdbcValues.ts(at)).param(by).update();
    }
}
