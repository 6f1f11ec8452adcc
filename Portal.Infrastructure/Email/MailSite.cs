namespace Portal.Infrastructure.Email;

/// <summary>The portal as an email names it and links to it: every template gets one.</summary>
/// <param name="Url">The portal's public address, without a trailing slash.</param>
public sealed record MailSite(string PortalName, string Url)
{
    /// <summary>An absolute link for a path of the portal ("/applications").</summary>
    public string Link(string path) => Url + path;
}
