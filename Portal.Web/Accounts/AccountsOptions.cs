namespace Portal.Web.Accounts;

/// <summary>Section "Accounts".</summary>
public sealed class AccountsOptions
{
    /// <summary>Seed one demo account per role. Honoured in Development only.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>Let the Development demo admin in without two-factor. Never honoured outside Development.</summary>
    public bool DemoAdminWithoutTwoFactor { get; set; }

    /// <summary>
    /// Words no password may contain (ASVS 6.1.2): this site's name, its operator's, and whatever an
    /// operator adds (a trust's or council's name). Case, spaces and punctuation do not matter.
    /// </summary>
    public IReadOnlyList<string> PasswordContextWords { get; set; } = ["Health and Care Portal"];
}
