package io.bulwark.scheduler.config;

import io.bulwark.scheduler.application.CopyCatalog;
import io.bulwark.scheduler.application.ProjectBackupCopies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the projection of 3-2-1 copies ({@code bulwark.backup.copy}). */
@Configuration(proxyBeanMethods = false)
public class CopyProjectionConfiguration {

    /** Projects and reads the backups' copies. */
    @Bean
    public ProjectBackupCopies projectBackupCopies(CopyCatalog catalog) {
        return new ProjectBackupCopies(catalog);
    }
}
