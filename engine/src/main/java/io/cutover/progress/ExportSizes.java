package io.cutover.progress;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cheap pre-count of an export's records, for the progress log's percentage and ETA: its line breaks less the header.
 * An estimate (a quoted value over several lines counts once per line, so the total may be high), replaced by the
 * exact count once the export was read whole. Counting bytes needs no decoding and reads a gigabyte in about a second.
 */
@Singleton
class ExportSizes {

    Optional<Long> estimatedRecords(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        long lineFeeds = 0;
        long carriageReturns = 0;
        boolean endsWithBreak = true;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lineFeeds++;
                    } else if (buffer[i] == '\r') {
                        carriageReturns++;
                    }
                }
                endsWithBreak = buffer[n - 1] == '\n' || buffer[n - 1] == '\r';
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        // files from old Macs end their lines with CR alone
        long lines = (lineFeeds > 0 ? lineFeeds : carriageReturns) + (endsWithBreak ? 0 : 1);
        return Optional.of(Math.max(0, lines - 1));
    }
}
