package com.thewans.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stand-ins for the system libraries that only FFmpeg's capture and playback devices use (PulseAudio,
 * ALSA, X11 grabbing through xcb). libavdevice links them, so without them ffmpeg and ffprobe do not
 * start at all, although the platform never opens a device. Each stub defines exactly the functions
 * the bundled libraries import from it, with the versions they ask for, and each returns 0.
 *
 * <p>The stubs are always written, also on machines that have the real libraries: they sit beside
 * libavdevice, which LD_LIBRARY_PATH (and its own RUNPATH) searches first, so every machine runs the
 * same files and a test run anywhere proves what production runs. Writing them only where a library is
 * missing would make FFmpeg's start depend on what a host happens to have installed, and would leave
 * the stubs untested on any machine that has the libraries. Nothing is lost: the devices are never used.
 * (With the stubs, asking the bundled ffmpeg for one fails, or does nothing: ALSA capture waits forever.)
 */
final class DeviceLibraryStubs {

    /** Which stub a symbol may belong to, by name; xcb_shm_ comes before xcb_ so the longer prefix wins. */
    private static final List<Map.Entry<String, String>> LIBRARY_BY_PREFIX = List.of(
            Map.entry("xcb_shm_", "libxcb-shm.so.0"),
            Map.entry("xcb_", "libxcb.so.1"),
            Map.entry("snd_", "libasound.so.2"),
            Map.entry("pa_", "libpulse.so.0"));

    static final Set<String> LIBRARIES = Set.of("libxcb-shm.so.0", "libxcb.so.1", "libasound.so.2", "libpulse.so.0");

    private DeviceLibraryStubs() {
    }

    /**
     * The stubs the given objects need. An import goes into a stub only when its name has that stub's
     * prefix and it is the stub's to define: its version is needed from that library, or it is
     * unversioned (libxcb has no versions) and the importer links that library. So a stub never defines,
     * and never shadows, anything of libc's or of another library.
     */
    static List<StubLibrary> forBundle(Collection<SharedObject> objects) {
        Map<String, Set<String>> versions = new TreeMap<>();
        Map<String, Set<StubLibrary.Symbol>> symbols = new TreeMap<>();
        for (String library : LIBRARIES) {
            versions.put(library, new TreeSet<>());
            symbols.put(library, new TreeSet<>());
        }
        for (SharedObject object : objects) {
            for (SharedObject.VersionNeed need : object.versionNeeds()) {
                if (LIBRARIES.contains(need.file())) {
                    versions.get(need.file()).add(need.version());
                }
            }
            for (SharedObject.DynamicSymbol symbol : object.imports()) {
                String library = libraryFor(symbol.name());
                boolean ours = library != null && (symbol.file() != null ? symbol.file().equals(library)
                        : symbol.version() == null && object.needed().contains(library));
                if (ours) {
                    symbols.get(library).add(new StubLibrary.Symbol(symbol.name(), symbol.version()));
                }
            }
        }
        List<StubLibrary> stubs = new ArrayList<>();
        for (String library : new TreeSet<>(LIBRARIES)) {
            stubs.add(new StubLibrary(library, new TreeSet<>(versions.get(library)),
                    new TreeSet<>(symbols.get(library))));
        }
        return stubs;
    }

    /** Reads the named ELF files in {@code dir} and writes the stubs beside them. */
    static List<StubLibrary> write(Path dir, Collection<String> files) throws IOException {
        List<SharedObject> objects = new ArrayList<>();
        for (String file : files) {
            objects.add(SharedObject.read(dir.resolve(file)));
        }
        List<StubLibrary> stubs = forBundle(objects);
        for (StubLibrary stub : stubs) {
            Files.write(dir.resolve(stub.soname()), stub.toElf());
        }
        return stubs;
    }

    static String libraryFor(String symbol) {
        for (Map.Entry<String, String> prefix : LIBRARY_BY_PREFIX) {
            if (symbol.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return null;
    }
}
