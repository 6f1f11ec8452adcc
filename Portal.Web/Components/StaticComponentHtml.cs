using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Portal.Web.Components;

public static class StaticComponentHtml
{
    /// <summary>
    /// A component rendered statically and written out to plain HTML at once, on the renderer's
    /// dispatcher. What <c>&lt;component&gt;</c> returns may be written only there, so it cannot go
    /// straight into a <c>&lt;cache&gt;</c> tag, which writes what it keeps synchronously.
    /// </summary>
    public static async Task<IHtmlContent> RenderToHtmlAsync<TComponent>(this IHtmlHelper html, object parameters)
        where TComponent : IComponent
    {
        var content = await html.RenderComponentAsync<TComponent>(RenderMode.Static, parameters);
        await using var writer = new StringWriter();
        if (content is IHtmlAsyncContent asynchronous)
            await asynchronous.WriteToAsync(writer);
        else
            content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlString(writer.ToString());
    }
}
