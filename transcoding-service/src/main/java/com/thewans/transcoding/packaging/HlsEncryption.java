package com.thewans.transcoding.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 for HLS (RFC 8216 section 5.2): every media segment encrypted whole with AES-128-CBC and
 * PKCS#7 padding, each under its own random IV named by an EXT-X-KEY tag before it. FFmpeg's HLS
 * muxer does not encrypt fMP4 segments, so FFmpeg writes them in the clear and the worker encrypts
 * each on its way to storage (the clear copy never leaves the work folder). The initialisation
 * section (EXT-X-MAP) comes before the first key tag and stays clear, as the RFC allows; it holds
 * no media.
 */
public final class HlsEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HlsEncryption() {
    }

    /** A fresh IV for one segment. */
    public static byte[] newIv() {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        return iv;
    }

    /** One segment, whole, under {@code iv}. */
    public static byte[] encrypt(byte[] clear, byte[] key, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is part of every JDK", e);
        }
    }

    /**
     * Rewrites a variant playlist so each segment is preceded by the key tag with the IV it was
     * encrypted under ({@code ivs} by segment URI as the playlist names it).
     *
     * @return how many segments the playlist lists
     */
    public static int declareKeys(Path playlist, Map<String, byte[]> ivs, String keyUri) throws IOException {
        List<String> lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(lines.size() * 2);
        int segments = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXTINF")) {
                String uri = lines.get(i + 1);
                byte[] iv = ivs.get(uri);
                if (iv == null) {
                    throw new IllegalStateException("segment " + uri + " of " + playlist + " was not encrypted");
                }
                out.add("#EXT-X-KEY:METHOD=AES-128,URI=\"" + keyUri + "\",IV=0x" + HexFormat.of().formatHex(iv));
                segments++;
            }
            out.add(line);
        }
        Files.write(playlist, out, StandardCharsets.UTF_8);
        return segments;
    }

    /** The inverse, for checks: what a player does with the key from playback-service. */
    public static byte[] decrypt(byte[] encrypted, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }
}
