namespace Culprit.Tests.Code.Symbols;

public sealed class JavaScriptSymbolTests
{
    [Fact]
    public void FunctionsArrowConstsAndClassMembersEndWhereTheirBracesClose()
    {
        var file = Symbols.Of("web/src/users.js", """
            import { x } from './x.js';

            /**
             * Loads a user.
             * @param {string} id
             */
            export async function loadUser(id) {
              const re = /[{]+\/}/g;
              const msg = `user ${id} has ${ count({ a: 1 }) } items }`;
              // a comment with { brace
              return fetchUser(id).then(u => normalize(u, re, msg));
            }

            const toLabel = async (user) => {
              return format(user.name);
            };

            export const double = x => x * 2;

            class UserStore {
              constructor(api) {
                this.api = api;
              }

              get size() { return this.items.length; }

              async save(user) {
                /* block } */
                await this.api.post('/users', user);
              }
            }
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "function loadUser 7-12",
            "function toLabel 14-16",
            "function double 18-18",
            "class UserStore 20-31",
            "constructor UserStore.constructor 21-23",
            "method UserStore.size 25-25",
            "method UserStore.save 27-30",
        ], Symbols.Lines(file));
        var load = Symbols.Named(file, "loadUser");
        Assert.Equal("Loads a user.", load.Doc);
        Assert.Equal("export async function loadUser(id)", load.Signature);
        Assert.Equal(["count", "fetchUser", "then", "normalize"], load.Calls);
        Assert.Equal("format", Symbols.Calls(file, "toLabel"));
        Assert.Equal("const toLabel = async (user)", Symbols.Named(file, "toLabel").Signature);
        Assert.Equal("", Symbols.Calls(file, "double"));
        Assert.Equal("post", Symbols.Calls(file, "UserStore.save"));
        Assert.Equal("UserStore", Symbols.Named(file, "UserStore.save").Parent);
    }
}
