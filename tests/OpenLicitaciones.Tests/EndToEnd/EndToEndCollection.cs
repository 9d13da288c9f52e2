namespace OpenLicitaciones.Tests.EndToEnd;

/// <summary>The end-to-end tests share one running app and one browser: starting either takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<AppServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "End to end";
}
