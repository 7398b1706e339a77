package io.bulwark.verifier.adapter.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads the report pages as XML, which they must parse as, and asserts what every page must be. */
final class Pages {

    private Pages() {}

    /** Parses the page as XML: it fails when the markup is not well-formed. */
    static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of what {@code xpath} selects, stripped. */
    static String text(Document page, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, page).strip();
    }

    /** The value of attribute {@code name} of what {@code xpath} selects. */
    static String attribute(Document page, String xpath, String name) throws Exception {
        return text(page, xpath + "/@" + name);
    }

    /** The text of each node {@code xpath} selects, stripped, in document order. */
    static List<String> cells(Document page, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** Asserts that the page is one HTML document that loads nothing: no script, link, image or remote address. */
    static void assertSelfContained(String html) {
        assertThat(html.toLowerCase(Locale.ROOT))
                .startsWith("<!doctype html>")
                .doesNotContain("http://", "https://", "<script", "<link", "<img", "@import", "url(");
    }
}
