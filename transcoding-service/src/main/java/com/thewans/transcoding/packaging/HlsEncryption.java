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

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 for HLS (RFC 8216 section 5.2): every media segment encrypted whole with AES-128-CBC and
 * PKCS#7 padding, each under its own random IV named by an EXT-X-KEY tag before it. FFmpeg's HLS
 * muxer does not encrypt fMP4 segments, so the packager writes them in the clear and this encrypts
 * them in place. The initialisation section (EXT-X-MAP) comes before the first key tag and stays
 * clear, as the RFC allows; it holds no media.
 */
public final class HlsEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HlsEncryption() {
    }

    /** Encrypts every segment a variant playlist lists and rewrites the playlist with key tags. */
    public static int encryptVariant(Path playlist, byte[] key, String keyUri) throws IOException {
        List<String> lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>(lines.size() * 2);
        int segments = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXTINF")) {
                String uri = lines.get(i + 1);
                byte[] iv = new byte[16];
                RANDOM.nextBytes(iv);
                encryptFile(playlist.resolveSibling(uri), key, iv);
                out.add("#EXT-X-KEY:METHOD=AES-128,URI=\"" + keyUri + "\",IV=0x" + HexFormat.of().formatHex(iv));
                segments++;
            }
            out.add(line);
        }
        Files.write(playlist, out, StandardCharsets.UTF_8);
        return segments;
    }

    private static void encryptFile(Path segment, byte[] key, byte[] iv) throws IOException {
        byte[] clear = Files.readAllBytes(segment);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            Files.write(segment, cipher.doFinal(clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC is part of every JDK", e);
        }
    }

    /** The inverse, for checks: what a player does with the key from playback-service. */
    public static byte[] decrypt(byte[] encrypted, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }
}
