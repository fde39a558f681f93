namespace Culprit.Tests.Code.Symbols;

public sealed class RubySymbolTests
{
    [Fact]
    public void ModulesClassesAndMethodsAreDotted()
    {
        var file = Symbols.Of("app/models/cart.rb", """
            module Shop
              # Computes totals.
              class Cart
                def initialize(items)
                  @items = items
                end

                # Sum of prices.
                def total(tax = 0)
                  sum = @items.map { |i| i.price }.sum
                  apply_tax(sum, "rate: #{rate(tax)}")
                end

                def self.build(*args)
                  new(*args)
                end
              end
            end
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "module Shop 1-18",
            "class Shop.Cart 3-17",
            "constructor Shop.Cart.initialize 4-6",
            "method Shop.Cart.total 9-12",
            "method Shop.Cart.build 14-16",
        ], Symbols.Lines(file));
        var total = Symbols.Named(file, "Shop.Cart.total");
        Assert.Equal("Sum of prices.", total.Doc);
        Assert.Equal("def total(tax = 0)", total.Signature);
        Assert.Equal(["apply_tax", "rate"], total.Calls);
        Assert.Equal("Shop.Cart", total.Parent);
        Assert.Equal("Computes totals.", Symbols.Named(file, "Shop.Cart").Doc);
        Assert.Equal("new", Symbols.Calls(file, "Shop.Cart.build"));
    }
}
