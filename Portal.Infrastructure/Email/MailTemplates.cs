using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Turns a Razor component template into an email: the HTML as rendered, and a plain-text part read
/// from that same HTML, so the two alternatives never say different things. Every template takes
/// two parameters: <c>Site</c> (the portal's name and address) and <c>Content</c> (its own record).
/// </summary>
public sealed class MailTemplates(IOptions<MailOptions> options, ILoggerFactory? loggers = null)
{
    // Templates inject nothing: an empty container keeps rendering independent of the app's scopes.
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    public MailSite Site { get; } = new(options.Value.FromName, options.Value.SiteUrl.TrimEnd('/'));

    public async Task<OutgoingMail> RenderAsync<TTemplate>(string to, string subject, object content)
        where TTemplate : IComponent
    {
        var html = await RenderHtmlAsync<TTemplate>(content);
        return new OutgoingMail(to, Fit(subject), MailText.FromHtml(html), html);
    }

    public async Task<string> RenderHtmlAsync<TTemplate>(object content)
        where TTemplate : IComponent
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var renderer = new HtmlRenderer(NoServices, loggers ?? NullLoggerFactory.Instance);
        var body = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Site"] = Site, ["Content"] = content });
            return (await renderer.RenderComponentAsync<TTemplate>(parameters)).ToHtmlString();
        });
        return "<!DOCTYPE html>\n" + body;
    }

    /// <summary>A subject cut to what the outbox takes, so a long vacancy or organisation name never stops a mail.</summary>
    public static string Fit(string subject) =>
        subject.Length <= OutgoingMail.MaxSubjectLength ? subject : string.Concat(subject.AsSpan(0, OutgoingMail.MaxSubjectLength - 1), "…");
}
