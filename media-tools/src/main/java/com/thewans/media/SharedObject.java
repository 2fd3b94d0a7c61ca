package com.thewans.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dynamic loader sees of an ELF64 x86-64 file: its soname, the libraries it needs, its
 * dynamic symbols with their versions, and the versions it needs from each library. Read from the
 * section headers (every file in the bundled build has them), without any native tool.
 */
record SharedObject(String soname, List<String> needed, List<DynamicSymbol> symbols, List<VersionNeed> versionNeeds,
        List<String> versionDefinitions) {

    static final int STT_FUNC = 2;
    static final int STB_GLOBAL = 1;

    /**
     * A dynamic symbol; {@code version} is null when unversioned, {@code file} names the library an
     * import's version is needed from.
     */
    record DynamicSymbol(String name, boolean defined, int type, int binding, String version, String file) {
    }

    /** One version an object needs from a library, with the hash the static linker computed for it. */
    record VersionNeed(String file, String version, long hash) {
    }

    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_DYNSYM = 11;
    private static final int SHT_GNU_VERDEF = 0x6ffffffd;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final int SHT_GNU_VERSYM = 0x6fffffff;
    private static final int DT_NEEDED = 1;
    private static final int DT_SONAME = 14;

    /** Undefined symbols, the imports. */
    List<DynamicSymbol> imports() {
        return symbols.stream().filter(s -> !s.defined()).toList();
    }

    static SharedObject read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), file.toString());
        }
    }

    static SharedObject read(ByteBuffer elf, String name) {
        elf = elf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (elf.limit() < 64 || elf.getInt(0) != 0x464c457f || elf.get(4) != 2 || elf.get(5) != 1
                || elf.getShort(18) != 62) {
            throw new IllegalArgumentException(name + " is not an ELF64 little-endian x86-64 file");
        }
        List<Section> sections = sections(elf);
        Section dynsym = null;
        Section versym = null;
        Section verneed = null;
        Section verdef = null;
        Section dynamic = null;
        for (Section section : sections) {
            switch (section.type()) {
                case SHT_DYNSYM -> dynsym = section;
                case SHT_GNU_VERSYM -> versym = section;
                case SHT_GNU_VERNEED -> verneed = section;
                case SHT_GNU_VERDEF -> verdef = section;
                case SHT_DYNAMIC -> dynamic = section;
                default -> {
                }
            }
        }

        String soname = null;
        List<String> needed = new ArrayList<>();
        if (dynamic != null) {
            Section strings = sections.get(dynamic.link());
            for (long at = dynamic.offset(); at + 16 <= dynamic.offset() + dynamic.size(); at += 16) {
                long tag = elf.getLong((int) at);
                long value = elf.getLong((int) at + 8);
                if (tag == 0) {
                    break;
                } else if (tag == DT_NEEDED) {
                    needed.add(string(elf, strings, value));
                } else if (tag == DT_SONAME) {
                    soname = string(elf, strings, value);
                }
            }
        }

        // version index (as .gnu.version holds it) -> the needed version and its library
        Map<Integer, VersionNeed> needsByIndex = new HashMap<>();
        List<VersionNeed> versionNeeds = new ArrayList<>();
        if (verneed != null) {
            Section strings = sections.get(verneed.link());
            int entry = (int) verneed.offset();
            while (true) {
                String library = string(elf, strings, Integer.toUnsignedLong(elf.getInt(entry + 4)));
                int aux = entry + elf.getInt(entry + 8);
                for (int i = 0; i < Short.toUnsignedInt(elf.getShort(entry + 2)); i++) {
                    VersionNeed need = new VersionNeed(library,
                            string(elf, strings, Integer.toUnsignedLong(elf.getInt(aux + 8))),
                            Integer.toUnsignedLong(elf.getInt(aux)));
                    versionNeeds.add(need);
                    needsByIndex.put(Short.toUnsignedInt(elf.getShort(aux + 6)) & 0x7fff, need);
                    aux += elf.getInt(aux + 12);
                }
                int next = elf.getInt(entry + 12);
                if (next == 0) {
                    break;
                }
                entry += next;
            }
        }
        Map<Integer, String> definitionsByIndex = new HashMap<>();
        List<String> versionDefinitions = new ArrayList<>();
        if (verdef != null) {
            Section strings = sections.get(verdef.link());
            int entry = (int) verdef.offset();
            while (true) {
                int aux = entry + elf.getInt(entry + 12);
                String version = string(elf, strings, Integer.toUnsignedLong(elf.getInt(aux)));
                versionDefinitions.add(version);
                definitionsByIndex.put(Short.toUnsignedInt(elf.getShort(entry + 4)) & 0x7fff, version);
                int next = elf.getInt(entry + 16);
                if (next == 0) {
                    break;
                }
                entry += next;
            }
        }

        List<DynamicSymbol> symbols = new ArrayList<>();
        if (dynsym != null) {
            Section strings = sections.get(dynsym.link());
            int count = (int) (dynsym.size() / 24);
            for (int i = 1; i < count; i++) {
                int at = (int) dynsym.offset() + i * 24;
                String symbol = string(elf, strings, Integer.toUnsignedLong(elf.getInt(at)));
                int info = Byte.toUnsignedInt(elf.get(at + 4));
                boolean defined = elf.getShort(at + 6) != 0;
                // 0 is local, 1 global and unversioned; the top bit only hides a definition
                int index = versym == null ? 1
                        : Short.toUnsignedInt(elf.getShort((int) versym.offset() + i * 2)) & 0x7fff;
                String version = null;
                String library = null;
                if (index > 1 && defined) {
                    version = definitionsByIndex.get(index);
                } else if (index > 1) {
                    VersionNeed need = needsByIndex.get(index);
                    if (need != null) {
                        version = need.version();
                        library = need.file();
                    }
                }
                symbols.add(new DynamicSymbol(symbol, defined, info & 0xf, info >> 4, version, library));
            }
        }
        return new SharedObject(soname, List.copyOf(needed), List.copyOf(symbols), List.copyOf(versionNeeds),
                List.copyOf(versionDefinitions));
    }

    private record Section(int type, long offset, long size, int link) {
    }

    private static List<Section> sections(ByteBuffer elf) {
        long offset = elf.getLong(0x28);
        int entrySize = Short.toUnsignedInt(elf.getShort(0x3a));
        int count = Short.toUnsignedInt(elf.getShort(0x3c));
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = (int) (offset + (long) i * entrySize);
            sections.add(new Section(elf.getInt(at + 4), elf.getLong(at + 24), elf.getLong(at + 32),
                    elf.getInt(at + 40)));
        }
        return sections;
    }

    private static String string(ByteBuffer elf, Section table, long index) {
        int start = (int) (table.offset() + index);
        int end = start;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        elf.get(start, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
