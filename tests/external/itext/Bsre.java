import com.itextpdf.text.Image;
import com.itextpdf.text.Rectangle;
import com.itextpdf.text.pdf.AcroFields;
import com.itextpdf.text.pdf.PdfDictionary;
import com.itextpdf.text.pdf.PdfName;
import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.PdfSignatureAppearance;
import com.itextpdf.text.pdf.PdfStamper;
import com.itextpdf.text.pdf.parser.LineSegment;
import com.itextpdf.text.pdf.parser.PdfReaderContentParser;
import com.itextpdf.text.pdf.parser.PdfTextExtractor;
import com.itextpdf.text.pdf.parser.RenderListener;
import com.itextpdf.text.pdf.parser.TextRenderInfo;
import com.itextpdf.text.pdf.parser.Vector;
import com.itextpdf.text.pdf.security.BouncyCastleDigest;
import com.itextpdf.text.pdf.security.DigestAlgorithms;
import com.itextpdf.text.pdf.security.ExternalSignature;
import com.itextpdf.text.pdf.security.MakeSignature;
import com.itextpdf.text.pdf.security.PdfPKCS7;
import com.itextpdf.text.pdf.security.PrivateKeySignature;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Security;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * What BSrE's signing service does to a PDF, with the library it runs
 * (iText 5.5.13): open the file, find the tag character in the page text,
 * and append a signature at it.
 *
 * <p>Reads a list of jobs (one a line, fields separated by tabs) and writes
 * one JSON object a line to standard output for each, so that one JVM
 * serves every file:
 *
 * <ul>
 *   <li>{@code key P12 PASSWORD}: the signing key and its certificate chain;
 *   <li>{@code image PNG}: the stamp's image;
 *   <li>{@code read PDF TAGS}: whether iText had to rebuild the file, every
 *       occurrence of the characters TAGS in the page text (page, character,
 *       rectangle from its descent line to its ascent line), and each page's
 *       text as {@code PdfTextExtractor} gives it;
 *   <li>{@code sign IN OUT TAG WIDTH HEIGHT}: as BSrE with
 *       {@code tag_koordinat}: finds TAG (once) in IN's text and appends, with
 *       {@code PdfStamper.createSignature(..., true)}, a new visible field
 *       {@code sig_<epoch-ms>} of WIDTH x HEIGHT points whose lower-left corner
 *       is the tag's, its appearance the image alone, signed SHA-256 as
 *       {@code adbe.pkcs7.detached};
 *   <li>{@code signfield IN OUT FIELD}: as a signer built on iText that
 *       signs into the empty field FIELD prepared in the file (BSrE's service
 *       does not; other iText-based signers do), with the same appearance and
 *       signature;
 *   <li>{@code check PDF}: iText's own validation of every signature
 *       (integrity, whole-document coverage, sub-filter, digest).
 * </ul>
 *
 * <p>A job that fails gives {@code {"error": ...}} and the next runs.
 */
public final class Bsre {
    private PrivateKey key;
    private Certificate[] chain;
    private byte[] image;
    private long lastMillis;

    public static void main(String[] args) throws Exception {
        Security.addProvider(new BouncyCastleProvider());
        Bsre bsre = new Bsre();
        List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            Json j = new Json().field("job", f[0]).field("args", List.of(f).subList(1, f.length));
            try {
                switch (f[0]) {
                    case "key" -> bsre.loadKey(f[1], f[2]);
                    case "image" -> bsre.image = Files.readAllBytes(Paths.get(f[1]));
                    case "read" -> bsre.read(f[1], f[2], j);
                    case "sign" -> bsre.sign(f[1], f[2], f[3], Float.parseFloat(f[4]), Float.parseFloat(f[5]), j);
                    case "signfield" -> bsre.signField(f[1], f[2], f[3], j);
                    case "check" -> bsre.check(f[1], j);
                    default -> throw new IllegalArgumentException("unknown job " + f[0]);
                }
            } catch (Exception e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                j.field("error", trace.toString());
            }
            out.println(j.close());
        }
    }

    private void loadKey(String p12, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(p12)) {
            ks.load(in, password.toCharArray());
        }
        String alias = ks.aliases().nextElement();
        key = (PrivateKey) ks.getKey(alias, password.toCharArray());
        chain = ks.getCertificateChain(alias);
    }

    /** A character of the page text and where it is drawn. */
    record Found(int page, String text, float[] rect) {}

    /** Every character of `chars` that page `page`'s text holds. */
    static List<Found> findTags(PdfReader reader, String chars) throws Exception {
        List<Found> found = new ArrayList<>();
        PdfReaderContentParser parser = new PdfReaderContentParser(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            final int p = page;
            parser.processContent(page, new RenderListener() {
                public void beginTextBlock() {}

                public void endTextBlock() {}

                public void renderImage(com.itextpdf.text.pdf.parser.ImageRenderInfo info) {}

                public void renderText(TextRenderInfo info) {
                    for (TextRenderInfo c : info.getCharacterRenderInfos()) {
                        String t = c.getText();
                        if (t == null) {
                            continue;
                        }
                        for (int i = 0; i < t.length(); i++) {
                            if (chars.indexOf(t.charAt(i)) >= 0) {
                                found.add(new Found(p, String.valueOf(t.charAt(i)), rect(c)));
                            }
                        }
                    }
                }
            });
        }
        return found;
    }

    /** A character's rectangle: from its descent line's start to its ascent line's end. */
    static float[] rect(TextRenderInfo c) {
        LineSegment d = c.getDescentLine(), a = c.getAscentLine();
        Vector[] v = {d.getStartPoint(), d.getEndPoint(), a.getStartPoint(), a.getEndPoint()};
        float x1 = Float.MAX_VALUE, y1 = Float.MAX_VALUE, x2 = -Float.MAX_VALUE, y2 = -Float.MAX_VALUE;
        for (Vector p : v) {
            x1 = Math.min(x1, p.get(Vector.I1));
            y1 = Math.min(y1, p.get(Vector.I2));
            x2 = Math.max(x2, p.get(Vector.I1));
            y2 = Math.max(y2, p.get(Vector.I2));
        }
        return new float[] {x1, y1, x2, y2};
    }

    private void read(String pdf, String tags, Json j) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            j.field("rebuilt", reader.isRebuilt());
            j.field("pdf_version", String.valueOf(reader.getPdfVersion()));
            List<Json> found = new ArrayList<>();
            for (Found f : findTags(reader, tags)) {
                found.add(new Json().field("page", f.page()).field("char", f.text()).field("rect", f.rect()));
            }
            j.field("tags", found);
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                texts.add(PdfTextExtractor.getTextFromPage(reader, page));
            }
            j.field("pages", texts);
        } finally {
            reader.close();
        }
    }

    private void sign(String in, String outPath, String tag, float width, float height, Json j)
            throws Exception {
        PdfReader reader = new PdfReader(in);
        j.field("rebuilt", reader.isRebuilt());
        List<Found> found = findTags(reader, tag);
        if (found.size() != 1) {
            throw new IllegalStateException("the tag " + tag + " occurs " + found.size() + " times");
        }
        Found t = found.get(0);
        float x = t.rect()[0], y = t.rect()[1];
        Rectangle rect = new Rectangle(x, y, x + width, y + height);
        // The field's name as BSrE gives it: sig_<epoch-ms>, unique per file.
        long millis = Math.max(System.currentTimeMillis(), lastMillis + 1);
        lastMillis = millis;
        String field = "sig_" + millis;
        try (OutputStream out = new FileOutputStream(outPath)) {
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setVisibleSignature(rect, t.page(), field);
            stamp(appearance);
        }
        j.field("field", field).field("page", t.page()).field("tag_rect", t.rect());
        j.field("rect", new float[] {rect.getLeft(), rect.getBottom(), rect.getRight(), rect.getTop()});
    }

    private void signField(String in, String outPath, String field, Json j) throws Exception {
        PdfReader reader = new PdfReader(in);
        j.field("rebuilt", reader.isRebuilt());
        try (OutputStream out = new FileOutputStream(outPath)) {
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setVisibleSignature(field);
            stamp(appearance);
        }
        j.field("field", field);
    }

    /** The appearance (the image alone) and the signature, as BSrE makes them. */
    private void stamp(PdfSignatureAppearance appearance) throws Exception {
        appearance.setReason("Dokumen ini telah ditandatangani secara elektronik");
        appearance.setLocation("Indonesia");
        appearance.setSignatureGraphic(Image.getInstance(image));
        appearance.setRenderingMode(PdfSignatureAppearance.RenderingMode.GRAPHIC);
        ExternalSignature signature =
                new PrivateKeySignature(key, DigestAlgorithms.SHA256, BouncyCastleProvider.PROVIDER_NAME);
        MakeSignature.signDetached(appearance, new BouncyCastleDigest(), signature, chain,
                null, null, null, 0, MakeSignature.CryptoStandard.CMS);
    }

    private void check(String pdf, Json j) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            j.field("rebuilt", reader.isRebuilt());
            AcroFields fields = reader.getAcroFields();
            j.field("revisions", fields.getTotalRevisions());
            List<Json> sigs = new ArrayList<>();
            for (String name : fields.getSignatureNames()) {
                PdfPKCS7 p7 = fields.verifySignature(name);
                PdfDictionary v = fields.getSignatureDictionary(name);
                PdfName sub = v.getAsName(PdfName.SUBFILTER);
                sigs.add(new Json().field("name", name)
                        .field("revision", fields.getRevision(name))
                        .field("covers_whole_document", fields.signatureCoversWholeDocument(name))
                        .field("intact", p7.verify())
                        .field("sub_filter", sub == null ? "" : PdfName.decodeName(sub.toString()))
                        .field("digest", p7.getHashAlgorithm()));
            }
            j.field("signatures", sigs);
        } finally {
            reader.close();
        }
    }

    /** A JSON object written field by field. */
    static final class Json {
        private final StringBuilder s = new StringBuilder("{");

        Json field(String name, Object value) {
            if (s.length() > 1) {
                s.append(", ");
            }
            string(name);
            s.append(": ");
            value(value);
            return this;
        }

        String close() {
            return s + "}";
        }

        private void value(Object v) {
            if (v instanceof String str) {
                string(str);
            } else if (v instanceof Json json) {
                s.append(json.close());
            } else if (v instanceof List<?> list) {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    s.append(i == 0 ? "" : ", ");
                    value(list.get(i));
                }
                s.append(']');
            } else if (v instanceof float[] a) {
                s.append('[');
                for (int i = 0; i < a.length; i++) {
                    s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", a[i]));
                }
                s.append(']');
            } else {
                s.append(v);
            }
        }

        private void string(String str) {
            s.append('"');
            for (char c : str.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }
    }
}
