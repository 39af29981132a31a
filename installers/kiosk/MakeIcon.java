import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws marquee-kiosk.png, the menu icon: java -Djava.awt.headless=true MakeIcon.java marquee-kiosk.png */
public class MakeIcon {
    public static void main(String[] a) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x8B1E2D));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 48, 48));
        // marquee bulbs along the edge
        g.setColor(new Color(0xFFD166));
        for (int i = 0; i < 8; i++) {
            double p = 36 + i * (s - 72) / 7.0;
            g.fill(new Ellipse2D.Double(p - 7, 22, 14, 14));
            g.fill(new Ellipse2D.Double(p - 7, s - 36, 14, 14));
        }
        // a ticket-like M
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 150));
        FontMetrics fm = g.getFontMetrics();
        String m = "M";
        g.drawString(m, (s - fm.stringWidth(m)) / 2, s / 2 + fm.getAscent() / 2 - 18);
        g.dispose();
        ImageIO.write(img, "png", new File(a[0]));
    }
}
