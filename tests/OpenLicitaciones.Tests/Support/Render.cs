using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenLicitaciones.Tests.Support;

/// <summary>Component tests: the framework's HtmlRenderer, asserted on the DOM that AngleSharp parses.</summary>
public static class Render
{
    public static async Task<IDocument> ComponentAsync<T>(IServiceProvider services, IDictionary<string, object?>? parameters = null)
        where T : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetService<ILoggerFactory>() ?? LoggerFactory.Create(_ => { }));
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<T>(parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");
    }
}
