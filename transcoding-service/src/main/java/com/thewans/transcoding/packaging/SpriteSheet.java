package com.thewans.transcoding.packaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import com.thewans.transcoding.ladder.EncodePlan;

/**
 * Lays the thumbnails FFmpeg wrote one by one into the sprite sheet the WebVTT track points into:
 * {@code columns} across, row by row, each {@code width x height}; unused tiles stay black.
 */
public final class SpriteSheet {

    private static final float JPEG_QUALITY = 0.8f;

    private SpriteSheet() {
    }

    /** Writes the sheet as JPEG; answers how many thumbnails it holds. */
    public static int compose(List<Path> frames, EncodePlan.Thumbnails t, Path sheet) throws IOException {
        BufferedImage canvas = new BufferedImage(t.columns() * t.width(), t.rows() * t.height(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        int placed = 0;
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            for (Path frame : frames) {
                if (placed == t.columns() * t.rows()) {
                    break;
                }
                BufferedImage tile = ImageIO.read(frame.toFile());
                if (tile == null) {
                    throw new IOException("not a readable thumbnail: " + frame.getFileName());
                }
                g.drawImage(tile, (placed % t.columns()) * t.width(), (placed / t.columns()) * t.height(), t.width(),
                        t.height(), null);
                placed++;
            }
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(sheet))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(canvas, null, null), param);
        } finally {
            writer.dispose();
        }
        return placed;
    }
}
