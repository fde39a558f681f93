namespace Culprit.Tests.Code.Symbols;

public sealed class GoSymbolTests
{
    [Fact]
    public void PackageQualifiedFunctionsAndReceiverMethods()
    {
        var file = Symbols.Of("orders/service.go", """
            package orders

            import "fmt"

            // Service keeps orders.
            type Service struct {
            	repo Repo
            }

            // Find returns one order.
            // It fails when missing.
            func (s *Service) Find(id int) (*Order, error) {
            	q := `SELECT { FROM x`
            	return s.repo.Get(q, id)
            }

            func New(r Repo) *Service {
            	defer fmt.Println("done")
            	return &Service{repo: r}
            }
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "struct orders.Service 6-8",
            "method orders.Service.Find 12-15",
            "function orders.New 17-20",
        ], Symbols.Lines(file));
        var find = Symbols.Named(file, "orders.Service.Find");
        Assert.Equal("Find returns one order.\nIt fails when missing.", find.Doc);
        Assert.Equal("func (s *Service) Find(id int) (*Order, error)", find.Signature);
        Assert.Equal("orders.Service", find.Parent);
        Assert.Equal(["Get"], find.Calls);
        Assert.Equal("Println", Symbols.Calls(file, "orders.New"));
        Assert.Equal("Service keeps orders.", Symbols.Named(file, "orders.Service").Doc);
    }
}
