namespace Culprit.Tests.Code.Symbols;

public sealed class PhpSymbolTests
{
    [Fact]
    public void NamespacesBecomeDottedAndHeredocsAndHashCommentsAreSkipped()
    {
        var file = Symbols.Of("src/Billing/InvoiceMailer.php", """
            <?php
            namespace App\Billing;

            use App\Models\Invoice;

            /**
             * Sends invoices.
             */
            final class InvoiceMailer
            {
                public function __construct(private Mailer $mailer) {}

                #[Route('/send')]
                public function send(Invoice $invoice): bool
                {
                    $body = <<<EOT
                    Dear { customer
                    EOT;
                    # hash comment with }
                    return $this->mailer->deliver($invoice->email(), $body);
                }
            }

            function helper(array $xs): int { return count($xs); }
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "class App.Billing.InvoiceMailer 9-22",
            "constructor App.Billing.InvoiceMailer.__construct 11-11",
            "method App.Billing.InvoiceMailer.send 13-21",
            "function App.Billing.helper 24-24",
        ], Symbols.Lines(file));
        var send = Symbols.Named(file, "App.Billing.InvoiceMailer.send");
        Assert.Equal("public function send(Invoice $invoice): bool", send.Signature);
        Assert.Equal(["deliver", "email"], send.Calls);
        Assert.Equal("App.Billing.InvoiceMailer", send.Parent);
        Assert.Equal("Sends invoices.", Symbols.Named(file, "App.Billing.InvoiceMailer").Doc);
        Assert.Equal("count", Symbols.Calls(file, "App.Billing.helper"));
        Assert.Null(Symbols.Named(file, "App.Billing.helper").Parent);
    }
}
