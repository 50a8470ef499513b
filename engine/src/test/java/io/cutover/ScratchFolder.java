package io.cutover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests run from the top folder (the build's working folder), where the files users edit are, and keep what they
 * write in its {@code target/}: a build of the modules writes only theirs, so on a fresh clone the tests create it.
 */
public class ScratchFolder implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
