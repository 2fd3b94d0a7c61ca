package com.thewans.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.thewans.media.SharedObject.DynamicSymbol;
import com.thewans.media.SharedObject.VersionNeed;

/**
 * The stubs that let the bundled FFmpeg start without PulseAudio, ALSA or xcb installed: read back
 * from a freshly extracted folder, checked against what the bundled libraries import, and loaded by
 * the real dynamic loader.
 */
class DeviceLibraryStubsTest {

    @TempDir
    static Path cache;
    static FfmpegBinaries binaries;
    static Path dir;
    static List<SharedObject> bundle;

    @BeforeAll
    static void extract() throws IOException {
        // as the service does it: extract, then check that ffmpeg and ffprobe run
        binaries = FfmpegBinaries.locate(null, null, cache, false);
        dir = cache.resolve(FfmpegBinaries.CACHE_FOLDER);
        assertThat(binaries.ffmpeg()).isEqualTo(dir.resolve("ffmpeg"));
        bundle = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !DeviceLibraryStubs.LIBRARIES.contains(f.getFileName().toString()))
                    .toList()) {
                bundle.add(SharedObject.read(file));
            }
        }
    }

    private static SharedObject stub(String soname) throws IOException {
        return SharedObject.read(dir.resolve(soname));
    }

    private static Set<String> definitions(SharedObject stub) {
        return stub.symbols().stream().filter(DynamicSymbol::defined).map(DeviceLibraryStubsTest::versioned)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String versioned(DynamicSymbol symbol) {
        return symbol.version() == null ? symbol.name() : symbol.name() + "@" + symbol.version();
    }

    @Test
    void thePulseStubDefinesExactlyThePulseAudioFunctionsLibavdeviceImports() throws IOException {
        SharedObject libavdevice = SharedObject.read(dir.resolve("libavdevice.so.62"));
        Set<String> imported = libavdevice.imports().stream().filter(s -> "libpulse.so.0".equals(s.file()))
                .map(DeviceLibraryStubsTest::versioned).collect(Collectors.toCollection(TreeSet::new));
        SharedObject pulse = stub("libpulse.so.0");

        assertThat(imported).as("what libavdevice takes from PulseAudio").hasSizeGreaterThan(50)
                .contains("pa_context_new@PULSE_0", "pa_stream_write@PULSE_0")
                .allMatch(s -> s.startsWith("pa_") && s.endsWith("@PULSE_0"));
        assertThat(definitions(pulse)).isEqualTo(imported);
        assertThat(pulse.soname()).isEqualTo("libpulse.so.0");
        assertThat(pulse.versionDefinitions()).as("the base version, then PULSE_0")
                .containsExactly("libpulse.so.0", "PULSE_0");
        assertThat(pulse.needed()).as("a stub pulls nothing in, not even libc").isEmpty();
        assertThat(pulse.symbols()).allSatisfy(s -> {
            assertThat(s.type()).isEqualTo(SharedObject.STT_FUNC);
            assertThat(s.binding()).isEqualTo(SharedObject.STB_GLOBAL);
        });
    }

    @Test
    void eachStubDefinesWhatTheBundleImportsFromItAndNothingOutsideItsPrefix() throws IOException {
        Map<String, String> prefixes = Map.of("libpulse.so.0", "pa_", "libasound.so.2", "snd_", "libxcb.so.1", "xcb_",
                "libxcb-shm.so.0", "xcb_shm_");
        for (String library : DeviceLibraryStubs.LIBRARIES) {
            Set<String> imported = new TreeSet<>();
            for (SharedObject object : bundle) {
                for (DynamicSymbol symbol : object.imports()) {
                    boolean fromThere = library.equals(symbol.file()) || symbol.file() == null
                            && object.needed().contains(library)
                            && library.equals(DeviceLibraryStubs.libraryFor(symbol.name()));
                    if (fromThere) {
                        imported.add(versioned(symbol));
                    }
                }
            }
            Set<String> defined = definitions(stub(library));
            assertThat(defined).as(library).isNotEmpty().isEqualTo(imported)
                    .allMatch(s -> s.startsWith(prefixes.get(library)));
        }
        assertThat(definitions(stub("libxcb.so.1"))).as("xcb_shm_ functions are libxcb-shm's")
                .noneMatch(s -> s.startsWith("xcb_shm_")).contains("xcb_connect", "xcb_get_image");
        assertThat(stub("libasound.so.2").versionDefinitions())
                .containsExactly("libasound.so.2", "ALSA_0.9", "ALSA_0.9.0rc4");
        assertThat(stub("libxcb.so.1").versionDefinitions()).as("libxcb has no versions, only the base")
                .containsExactly("libxcb.so.1");
    }

    @Test
    void aStubTakesOnlyWhatIsItsByPrefixAndByTheLibraryItIsNeededFrom() {
        SharedObject importer = new SharedObject("libdevices.so",
                List.of("libc.so.6", "libxcb-shm.so.0", "libpulse.so.0"),
                List.of(new DynamicSymbol("pa_stream_new", false, 2, 1, "PULSE_0", "libpulse.so.0"),
                        new DynamicSymbol("malloc", false, 2, 1, "PULSE_0", "libpulse.so.0"),
                        new DynamicSymbol("pa_lookalike", false, 2, 1, "GLIBC_2.2.5", "libc.so.6"),
                        new DynamicSymbol("snd_pcm_open", false, 2, 1, null, null),
                        new DynamicSymbol("xcb_shm_attach", false, 2, 1, null, null),
                        new DynamicSymbol("pa_defined_here", true, 2, 1, null, null)),
                List.of(new VersionNeed("libpulse.so.0", "PULSE_0", StubLibrary.elfHash("PULSE_0")),
                        new VersionNeed("libc.so.6", "GLIBC_2.2.5", StubLibrary.elfHash("GLIBC_2.2.5"))),
                List.of());

        Map<String, StubLibrary> stubs = DeviceLibraryStubs.forBundle(List.of(importer)).stream()
                .collect(Collectors.toMap(StubLibrary::soname, s -> s));

        assertThat(stubs.get("libpulse.so.0").symbols()).as("never malloc, never libc's pa_ lookalike")
                .containsExactly(new StubLibrary.Symbol("pa_stream_new", "PULSE_0"));
        assertThat(stubs.get("libasound.so.2").symbols()).as("the importer does not link libasound").isEmpty();
        assertThat(stubs.get("libxcb-shm.so.0").symbols())
                .containsExactly(new StubLibrary.Symbol("xcb_shm_attach", null));
        assertThat(stubs.get("libxcb.so.1").symbols()).isEmpty();
    }

    @Test
    void versionHashesAreTheOnesTheStaticLinkerRecordedInTheBundle() {
        List<VersionNeed> needs = bundle.stream().flatMap(o -> o.versionNeeds().stream()).toList();

        assertThat(needs).extracting(VersionNeed::version).contains("PULSE_0", "ALSA_0.9.0rc4", "GLIBC_2.2.5");
        assertThat(needs).allSatisfy(need -> assertThat(StubLibrary.elfHash(need.version())).as(need.version())
                .isEqualTo(need.hash()));
    }

    @Test
    void ffmpegAndFfprobeStartFromAFreshFolderWithEveryImportBoundAtOnce() throws Exception {
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            // LD_BIND_NOW resolves every function at load, so a stub missing one fails here, not mid-encode
            String output = run(dir.resolve(tool), Map.of("LD_BIND_NOW", "1"), "-hide_banner", "-version");
            assertThat(output).startsWith(tool + " version");
        }
    }

    @Test
    void theLoaderTakesTheStubsFromTheFolderEvenWhereTheSystemHasTheLibraries() throws Exception {
        // what ldd prints: each library the loader resolved and where from, without running ffmpeg
        String resolved = run(dir.resolve("ffmpeg"), Map.of("LD_TRACE_LOADED_OBJECTS", "1"));

        for (String library : DeviceLibraryStubs.LIBRARIES) {
            assertThat(resolved).contains(library + " => " + dir.resolve(library));
        }
        assertThat(resolved).doesNotContain("not found");
    }

    @Test
    void aLibraryTheMachineLacksIsNamedWithTheWayOut() {
        String hint = FfmpegBinaries.hint("/opt/ffmpeg/ffmpeg: error while loading shared libraries: libudev.so.1: "
                + "cannot open shared object file: No such file or directory");

        assertThat(hint).contains("libudev.so.1", "FFMPEG_PATH").doesNotContain("libpulse");
    }

    private static String run(Path executable, Map<String, String> env, String... arguments)
            throws IOException, InterruptedException {
        ProcessBuilder builder = binaries.command(executable, List.of(arguments), false).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
