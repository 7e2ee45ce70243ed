package dev.vmscope.views.symbols;

import dev.vmscope.core.kernel.symbols.AddressExpression;
import dev.vmscope.core.kernel.symbols.SymbolTable;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.Optional;

/**
 * A text field for a virtual address: hex ({@code ffffffff81000000}, {@code 0x…}) or, once symbols are
 * loaded, {@code sym}, {@code sym+0x10}, {@code sym-16}, with a popup completing symbol names. Any pane
 * that asks for an address can use it; {@link #address()} reads what was typed.
 */
public final class AddressField extends TextField {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final int SUGGESTIONS = 40;
    /** Read by the completion thread; set on the FX thread. */
    private volatile Optional<SymbolTable> symbols = Optional.empty();

    public AddressField(ObservableValue<Optional<SymbolTable>> table) {
        getStyleClass().addAll("code", "address-field");
        setPromptText("address, symbol or symbol+offset");
        table.subscribe(t -> symbols = t);
        var completion = TextFields.bindAutoCompletion(this, request -> suggestions(request.getUserText()));
        // once an offset is being typed no name is, so a popup still open from before must not take Enter
        textProperty().subscribe(text -> {
            if (AddressExpression.namePrefix(text).length() < 2) {
                completion.getAutoCompletionPopup().hide();
            }
        });
    }

    private List<String> suggestions(String typed) {
        String prefix = AddressExpression.namePrefix(typed);
        return prefix.length() < 2 ? List.of() : symbols.map(t -> t.complete(prefix, SUGGESTIONS)).orElse(List.of());
    }

    /**
     * The address typed.
     *
     * @throws AddressExpression.BadAddressException saying what is wrong with the text
     */
    public long address() {
        return AddressExpression.parse(getText(), symbols);
    }

    /** Marks the field as holding a mistake (a red edge), or clears the mark. */
    public void markInvalid(boolean invalid) {
        pseudoClassStateChanged(INVALID, invalid);
    }
}
