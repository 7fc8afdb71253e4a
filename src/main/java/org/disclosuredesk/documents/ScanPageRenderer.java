package org.disclosuredesk.documents;

import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's renderer with one shortcut for scans: an 8-bit DeviceGray image (a grey copier scan, usually a JPEG)
 * without masks, decode array or optional content is turned into RGB from its decoded bytes instead of pixel by pixel
 * ({@code PDDeviceGray.toRGBImage} calls {@code getPixel}/{@code setPixel} per pixel: nine tenths of the time of
 * redacting a scanned page). The pixels are the same — grey g becomes (g, g, g), as PDFBox does — and every other
 * image, and everything else on the page, is drawn by PDFBox as it is.
 */
final class ScanPageRenderer extends PDFRenderer {

  ScanPageRenderer(PDDocument document) {
    super(document);
  }

  @Override
  protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
    return new PageDrawer(parameters) {
      @Override
      public void drawImage(PDImage image) throws IOException {
        super.drawImage(plainGray(image) ? new FastGray((PDImageXObject) image) : image);
      }
    };
  }

  /** An image the shortcut gives exactly the same pixels for. */
  static boolean plainGray(PDImage image) throws IOException {
    return image instanceof PDImageXObject x && !x.isStencil() && x.getBitsPerComponent() == 8
        && x.getColorSpace() instanceof PDDeviceGray && x.getDecode() == null && x.getSoftMask() == null
        && x.getMask() == null && x.getColorKeyMask() == null && x.getOptionalContent() == null && !x.isEmpty();
  }

  /**
   * The decoded samples (one byte per pixel, row after row, as PDFBox's own 8-bit reader takes them) as an RGB
   * image; a stream that ends early leaves the rest black, as PDFBox does.
   */
  static BufferedImage toRgb(InputStream samples, int w, int h) throws IOException {
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[w];
    for (int y = 0; y < h; y++) {
      int n = samples.readNBytes(row, 0, w);
      int o = y * w;
      for (int x = 0; x < n; x++) {
        int g = row[x] & 0xFF;
        out[o + x] = (g << 16) | (g << 8) | g;
      }
      if (n < w) {
        break;
      }
    }
    return rgb;
  }

  /** The image as PDFBox sees it, except that its RGB form is made by {@link #toRgb}. */
  private static final class FastGray implements PDImage {
    private final PDImageXObject image;

    FastGray(PDImageXObject image) {
      this.image = image;
    }

    @Override
    public BufferedImage getImage() throws IOException {
      try (InputStream samples = image.createInputStream()) {
        return toRgb(samples, image.getWidth(), image.getHeight());
      }
    }

    @Override
    public BufferedImage getImage(Rectangle region, int subsampling) throws IOException {
      return region == null && subsampling == 1 ? getImage() : image.getImage(region, subsampling);
    }

    @Override
    public WritableRaster getRawRaster() throws IOException {
      return image.getRawRaster();
    }

    @Override
    public BufferedImage getRawImage() throws IOException {
      return image.getRawImage();
    }

    @Override
    public BufferedImage getStencilImage(Paint paint) throws IOException {
      return image.getStencilImage(paint);
    }

    @Override
    public InputStream createInputStream() throws IOException {
      return image.createInputStream();
    }

    @Override
    public InputStream createInputStream(List<String> stopFilters) throws IOException {
      return image.createInputStream(stopFilters);
    }

    @Override
    public InputStream createInputStream(DecodeOptions options) throws IOException {
      return image.createInputStream(options);
    }

    @Override
    public boolean isEmpty() {
      return image.isEmpty();
    }

    @Override
    public boolean isStencil() {
      return image.isStencil();
    }

    @Override
    public void setStencil(boolean isStencil) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public int getBitsPerComponent() {
      return image.getBitsPerComponent();
    }

    @Override
    public void setBitsPerComponent(int bitsPerComponent) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public PDColorSpace getColorSpace() throws IOException {
      return image.getColorSpace();
    }

    @Override
    public void setColorSpace(PDColorSpace colorSpace) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public int getHeight() {
      return image.getHeight();
    }

    @Override
    public void setHeight(int height) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public int getWidth() {
      return image.getWidth();
    }

    @Override
    public void setWidth(int width) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public void setDecode(COSArray decode) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public COSArray getDecode() {
      return image.getDecode();
    }

    @Override
    public boolean getInterpolate() {
      return image.getInterpolate();
    }

    @Override
    public void setInterpolate(boolean value) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public String getSuffix() {
      return image.getSuffix();
    }

    @Override
    public COSDictionary getCOSObject() {
      return image.getCOSObject();
    }
  }
}
