package com.thewans.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A shared library that exists only to satisfy the dynamic loader: it has a soname, the symbol
 * versions its users ask for, and every function they import, each one {@code xor eax,eax; ret}.
 * Written as an ELF64 x86-64 file in Java so that no compiler is needed anywhere. It needs nothing
 * itself (no libc), so it can never pull anything else in.
 *
 * @param soname   the name the importers' DT_NEEDED uses, e.g. {@code libpulse.so.0}
 * @param versions the version names importers need from it (each gets a version definition)
 * @param symbols  the functions to define; a null version is an unversioned definition
 */
record StubLibrary(String soname, SortedSet<String> versions, SortedSet<Symbol> symbols) {

    record Symbol(String name, String version) implements Comparable<Symbol> {
        private static final Comparator<Symbol> ORDER = Comparator.comparing(Symbol::name)
                .thenComparing(Symbol::version, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Symbol other) {
            return ORDER.compare(this, other);
        }
    }

    StubLibrary {
        versions = Collections.unmodifiableSortedSet(new TreeSet<>(versions));
        symbols = Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
        for (Symbol symbol : symbols) {
            if (symbol.version() != null && !versions.contains(symbol.version())) {
                throw new IllegalArgumentException(symbol + " has a version " + soname + " does not define");
            }
        }
    }

    // returns 0 in rax (NULL, false, success) should anything ever call it; nothing does here
    private static final byte[] RETURN_ZERO = { 0x31, (byte) 0xc0, (byte) 0xc3 };
    private static final int PAGE = 0x1000;
    private static final int HEADER = 64;
    private static final int PROGRAM_HEADER = 56;
    private static final int PROGRAM_HEADERS = 4;
    private static final int SECTION_HEADER = 64;
    private static final int SYMBOL = 24;
    private static final int VERDEF = 20;
    private static final int VERDAUX = 8;

    /** The SysV ELF hash, which DT_HASH buckets and glibc's version check (vd_hash against vna_hash) both use. */
    static long elfHash(String name) {
        long h = 0;
        for (byte b : name.getBytes(StandardCharsets.US_ASCII)) {
            h = (h << 4) + (b & 0xff);
            long g = h & 0xf0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return h;
    }

    /** The file, byte for byte the same for the same soname, versions and symbols. */
    byte[] toElf() {
        List<Symbol> defined = new ArrayList<>(symbols);
        List<String> versionNames = new ArrayList<>(versions);

        Strings dynstr = new Strings();
        int sonameAt = dynstr.add(soname);
        for (String version : versionNames) {
            dynstr.add(version);
        }
        for (Symbol symbol : defined) {
            dynstr.add(symbol.name());
        }

        // one segment read+execute for everything read-only (headers, tables, code), then .dynamic alone
        // on the next page, read+write as glibc may adjust its addresses in place
        int symbolCount = defined.size() + 1;
        int hashAt = HEADER + PROGRAM_HEADER * PROGRAM_HEADERS;
        int buckets = Math.max(1, symbolCount / 2);
        int hashSize = 4 * (2 + buckets + symbolCount);
        int dynsymAt = align(hashAt + hashSize, 8);
        int dynstrAt = dynsymAt + SYMBOL * symbolCount;
        int versymAt = align(dynstrAt + dynstr.size(), 2);
        int verdefAt = align(versymAt + 2 * symbolCount, 8);
        int verdefCount = 1 + versionNames.size();
        int textAt = align(verdefAt + (VERDEF + VERDAUX) * verdefCount, 16);
        int textEnd = textAt + RETURN_ZERO.length;
        int dynamicAt = align(textEnd, PAGE);
        Map<Long, Long> dynamic = new LinkedHashMap<>();
        dynamic.put(14L, (long) sonameAt); // DT_SONAME
        dynamic.put(4L, (long) hashAt); // DT_HASH
        dynamic.put(5L, (long) dynstrAt); // DT_STRTAB
        dynamic.put(6L, (long) dynsymAt); // DT_SYMTAB
        dynamic.put(10L, (long) dynstr.size()); // DT_STRSZ
        dynamic.put(11L, (long) SYMBOL); // DT_SYMENT
        dynamic.put(0x6ffffff0L, (long) versymAt); // DT_VERSYM
        dynamic.put(0x6ffffffcL, (long) verdefAt); // DT_VERDEF
        dynamic.put(0x6ffffffdL, (long) verdefCount); // DT_VERDEFNUM
        int dynamicSize = 16 * (dynamic.size() + 1);
        Strings shstr = new Strings();
        int shstrtabAt = dynamicAt + dynamicSize;
        String[] sectionNames = { ".hash", ".dynsym", ".dynstr", ".gnu.version", ".gnu.version_d", ".text", ".dynamic",
            ".shstrtab" };
        int[] sectionNameAt = new int[sectionNames.length];
        for (int i = 0; i < sectionNames.length; i++) {
            sectionNameAt[i] = shstr.add(sectionNames[i]);
        }
        int sectionsAt = align(shstrtabAt + shstr.size(), 8);
        int sectionCount = sectionNames.length + 1;
        ByteBuffer out = ByteBuffer.allocate(sectionsAt + SECTION_HEADER * sectionCount).order(ByteOrder.LITTLE_ENDIAN);

        // ELF header: 64-bit, little-endian, current version, System V ABI, a shared object for x86-64
        out.put(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 });
        out.position(16);
        out.putShort((short) 3).putShort((short) 62).putInt(1).putLong(0).putLong(HEADER).putLong(sectionsAt)
                .putInt(0).putShort((short) HEADER).putShort((short) PROGRAM_HEADER).putShort((short) PROGRAM_HEADERS)
                .putShort((short) SECTION_HEADER).putShort((short) sectionCount).putShort((short) sectionNames.length);

        int r = 4;
        int w = 2;
        int x = 1;
        programHeader(out, 1, r | x, 0, textEnd, PAGE); // PT_LOAD
        programHeader(out, 1, r | w, dynamicAt, dynamicSize, PAGE); // PT_LOAD
        programHeader(out, 2, r | w, dynamicAt, dynamicSize, 8); // PT_DYNAMIC
        // PT_GNU_STACK, not executable: without it glibc would make the whole process's stack executable
        programHeader(out, 0x6474e551, r | w, 0, 0, 16);

        // DT_HASH: bucket -> first symbol, chain -> next symbol with the same bucket
        int[] bucket = new int[buckets];
        int[] chain = new int[symbolCount];
        for (int i = 1; i < symbolCount; i++) {
            int b = (int) (elfHash(defined.get(i - 1).name()) % buckets);
            chain[i] = bucket[b];
            bucket[b] = i;
        }
        out.position(hashAt);
        out.putInt(buckets).putInt(symbolCount);
        for (int value : bucket) {
            out.putInt(value);
        }
        for (int value : chain) {
            out.putInt(value);
        }

        out.position(dynsymAt + SYMBOL); // entry 0 is the null symbol
        for (Symbol symbol : defined) {
            out.putInt(dynstr.offset(symbol.name())).put((byte) (SharedObject.STB_GLOBAL << 4 | SharedObject.STT_FUNC))
                    .put((byte) 0).putShort((short) 6) // default visibility, defined in .text (section 6)
                    .putLong(textAt).putLong(RETURN_ZERO.length);
        }
        out.put(dynstrAt, dynstr.bytes());

        // .gnu.version: 1 is the base (global, unversioned), 2.. the versions in order
        out.position(versymAt + 2);
        for (Symbol symbol : defined) {
            out.putShort((short) (symbol.version() == null ? 1 : 2 + versionNames.indexOf(symbol.version())));
        }

        // .gnu.version_d: the base version (the soname), then one definition per version an importer needs
        List<String> definitions = new ArrayList<>();
        definitions.add(soname);
        definitions.addAll(versionNames);
        for (int i = 0; i < definitions.size(); i++) {
            int at = verdefAt + i * (VERDEF + VERDAUX);
            boolean last = i == definitions.size() - 1;
            out.position(at);
            out.putShort((short) 1).putShort((short) (i == 0 ? 1 : 0)).putShort((short) (i + 1)).putShort((short) 1)
                    .putInt((int) elfHash(definitions.get(i))).putInt(VERDEF).putInt(last ? 0 : VERDEF + VERDAUX)
                    .putInt(dynstr.offset(definitions.get(i))).putInt(0);
        }

        out.put(textAt, RETURN_ZERO);

        out.position(dynamicAt);
        dynamic.forEach((tag, value) -> out.putLong(tag).putLong(value));
        out.putLong(0).putLong(0); // DT_NULL

        out.put(shstrtabAt, shstr.bytes());

        // the loader reads none of the section headers; they let readelf, nm and SharedObject read a stub back
        out.position(sectionsAt + SECTION_HEADER); // section 0 is the null section
        int alloc = 2;
        int exec = 4;
        int write = 1;
        sectionHeader(out, sectionNameAt[0], 5, alloc, hashAt, hashSize, 2, 0, 8, 4); // SHT_HASH -> .dynsym
        sectionHeader(out, sectionNameAt[1], 11, alloc, dynsymAt, SYMBOL * symbolCount, 3, 1, 8, SYMBOL);
        sectionHeader(out, sectionNameAt[2], 3, alloc, dynstrAt, dynstr.size(), 0, 0, 1, 0);
        sectionHeader(out, sectionNameAt[3], 0x6fffffff, alloc, versymAt, 2 * symbolCount, 2, 0, 2, 2);
        sectionHeader(out, sectionNameAt[4], 0x6ffffffd, alloc, verdefAt, (VERDEF + VERDAUX) * verdefCount, 3,
                verdefCount, 8, 0);
        sectionHeader(out, sectionNameAt[5], 1, alloc | exec, textAt, RETURN_ZERO.length, 0, 0, 16, 0);
        sectionHeader(out, sectionNameAt[6], 6, alloc | write, dynamicAt, dynamicSize, 3, 0, 8, 16);
        out.putInt(sectionNameAt[7]).putInt(3).putLong(0).putLong(0).putLong(shstrtabAt).putLong(shstr.size())
                .putInt(0).putInt(0).putLong(1).putLong(0);
        return out.array();
    }

    private static void programHeader(ByteBuffer out, int type, int flags, long at, long size, long alignment) {
        out.putInt(type).putInt(flags).putLong(at).putLong(at).putLong(at).putLong(size).putLong(size)
                .putLong(alignment);
    }

    /** A loaded section: its file offset is its address, as the file is mapped from address 0. */
    private static void sectionHeader(ByteBuffer out, int name, int type, long flags, long at, long size, int link,
            int info, long alignment, long entrySize) {
        out.putInt(name).putInt(type).putLong(flags).putLong(at).putLong(at).putLong(size).putInt(link).putInt(info)
                .putLong(alignment).putLong(entrySize);
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    /** A string table: a leading empty string, then each distinct string once. */
    private static final class Strings {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Map<String, Integer> offsets = new LinkedHashMap<>();

        Strings() {
            bytes.write(0);
        }

        int add(String value) {
            return offsets.computeIfAbsent(value, v -> {
                int at = bytes.size();
                bytes.writeBytes(v.getBytes(StandardCharsets.US_ASCII));
                bytes.write(0);
                return at;
            });
        }

        int offset(String value) {
            return offsets.get(value);
        }

        int size() {
            return bytes.size();
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
