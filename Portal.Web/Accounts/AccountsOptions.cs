namespace Portal.Web.Accounts;

/// <summary>Section "Accounts".</summary>
public sealed class AccountsOptions
{
    /// <summary>Seed one demo account per role. Honoured in Development only.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>
    /// The site name passkeys are made for (the WebAuthn relying party id), e.g. portal.example.org.
    /// Empty: the host name of the request. Changing it later strands every passkey made before.
    /// </summary>
    public string? PasskeyServerDomain { get; set; }

    /// <summary>
    /// Words no password may contain (ASVS 6.1.2): this site's name, its operator's, and whatever an
    /// operator adds (a trust's or council's name). Case, spaces and punctuation do not matter.
    /// </summary>
    public IReadOnlyList<string> PasswordContextWords { get; set; } = ["Health and Care Portal"];
}
