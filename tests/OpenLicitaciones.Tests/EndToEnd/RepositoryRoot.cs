namespace OpenLicitaciones.Tests.EndToEnd;

public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder holding OpenLicitaciones.sln, found by walking up from the test binaries.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OpenLicitaciones.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OpenLicitaciones.sln above {AppContext.BaseDirectory}.");
    }
}
