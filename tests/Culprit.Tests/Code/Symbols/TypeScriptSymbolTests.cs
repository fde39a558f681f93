namespace Culprit.Tests.Code.Symbols;

public sealed class TypeScriptSymbolTests
{
    [Fact]
    public void DecoratedClassesArrowFieldsAndNamespaces()
    {
        var file = Symbols.Of("src/users/service.ts", """
            export interface Repo { get(id: string): Promise<User>; }

            @Injectable()
            export class UserService {
              private readonly cache = new Map<string, User>();

              constructor(private readonly repo: Repo) {}

              /** Finds a user. */
              async find(id: string): Promise<User | undefined> {
                const key = `k:${id.replace(/}/g, '')}`;
                return this.cache.get(key) ?? (await this.repo.get(id));
              }

              handle = async (e: Event): Promise<void> => {
                this.log(e);
              };
            }

            export function parse<T>(text: string): T {
              return JSON.parse(text) as T;
            }

            export const isEmpty = (s: string): boolean =>
              s.trim().length === 0;

            namespace Util {
              export function pad(s: string) { return s.padStart(2); }
            }
            """);
        Assert.Null(file.Note);
        Assert.Equal(
        [
            "interface Repo 1-1",
            "class UserService 3-18",
            "constructor UserService.constructor 7-7",
            "method UserService.find 10-13",
            "method UserService.handle 15-17",
            "function parse 20-22",
            "function isEmpty 24-25",
            "module Util 27-29",
            "function Util.pad 28-28",
        ], Symbols.Lines(file));
        var find = Symbols.Named(file, "UserService.find");
        Assert.Equal("Finds a user.", find.Doc);
        Assert.Equal("async find(id: string): Promise<User | undefined>", find.Signature);
        Assert.Equal(["replace", "get"], find.Calls);
        Assert.Equal("log", Symbols.Calls(file, "UserService.handle"));
        Assert.Equal("parse", Symbols.Calls(file, "parse"));
        Assert.Equal("trim", Symbols.Calls(file, "isEmpty"));
        Assert.Equal("padStart", Symbols.Calls(file, "Util.pad"));
        Assert.Equal("Util", Symbols.Named(file, "Util.pad").Parent);
    }
}
