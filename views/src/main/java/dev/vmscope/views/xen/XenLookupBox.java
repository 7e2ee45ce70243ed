package dev.vmscope.views.xen;

import dev.vmscope.core.Hex;
import dev.vmscope.core.io.Space;
import dev.vmscope.views.Navigation;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The lookups of the Xen pane: a frame number typed (hex, with or without {@code 0x}) looked up as a
 * pfn of dom0 or as a machine frame; the answer in words, with a link to the frame's bytes.
 */
final class XenLookupBox extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final XenModel model;
    private final TextField frame = new TextField();
    private final Label answer = new Label();
    private final Hyperlink bytes = new Hyperlink("Show the bytes");

    XenLookupBox(XenModel model, Navigation navigation) {
        this.model = model;
        getStyleClass().add("xen-lookup");
        frame.getStyleClass().addAll("code", "xen-frame-field");
        frame.setPromptText("frame number, e.g. 8000");
        frame.setPrefColumnCount(18);
        frame.setAccessibleText("Frame number to look up");
        Button pfn = new Button("pfn → mfn");
        pfn.getStyleClass().add("xen-pfn-button");
        pfn.setAccessibleText("Look the number up as a pfn of dom0");
        pfn.setDefaultButton(false);
        Button mfn = new Button("mfn → pfn");
        mfn.getStyleClass().add("xen-mfn-button");
        mfn.setAccessibleText("Look the number up as a machine frame");
        frame.setOnAction(e -> typed(true));
        pfn.setOnAction(e -> typed(true));
        mfn.setOnAction(e -> typed(false));
        Label label = new Label("Look _up");
        label.setMnemonicParsing(true);
        label.setLabelFor(frame);
        answer.getStyleClass().addAll("code", "xen-answer");
        answer.setWrapText(true);
        answer.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        bytes.getStyleClass().add("xen-answer-bytes");
        bytes.setVisible(false);
        HBox row = new HBox(label, frame, pfn, mfn, bytes);
        row.getStyleClass().add("xen-lookup-row");
        getChildren().addAll(row, answer);
        model.answerProperty().subscribe(a -> {
            answer.setText(a == null ? "Type a pfn or an mfn; Enter looks it up as a pfn." : a.answer());
            answer.pseudoClassStateChanged(INVALID, a != null && a.frame().isEmpty());
            bytes.setVisible(a != null && a.frame().isPresent());
            if (a != null && a.frame().isPresent()) {
                boolean toMachine = a.answer().startsWith("pfn");
                long f = a.frame().getAsLong();
                bytes.setOnAction(e -> navigation.showHex(toMachine ? Space.MACHINE : Space.PHYSICAL, f << 12));
            }
        });
    }

    void lookUpPfn(long pfn) {
        frame.setText(Hex.of(pfn));
        model.lookUpPfn(pfn);
    }

    private void typed(boolean asPfn) {
        long n;
        try {
            n = Hex.parse(frame.getText().trim());
        } catch (NumberFormatException e) {
            frame.pseudoClassStateChanged(INVALID, true);
            answer.setText(e.getMessage());
            return;
        }
        frame.pseudoClassStateChanged(INVALID, false);
        if (asPfn) {
            model.lookUpPfn(n);
        } else {
            model.lookUpMfn(n);
        }
    }
}
