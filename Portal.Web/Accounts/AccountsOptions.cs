namespace Portal.Web.Accounts;

/// <summary>Section "Accounts".</summary>
public sealed class AccountsOptions
{
    /// <summary>Seed one demo account per role. Honoured in Development only.</summary>
    public bool SeedDemoAccounts { get; set; }

    /// <summary>Let the Development demo admin in without two-factor. Never honoured outside Development.</summary>
    public bool DemoAdminWithoutTwoFactor { get; set; }
}
