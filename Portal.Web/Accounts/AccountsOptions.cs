namespace Portal.Web.Accounts;

/// <summary>Section "Accounts".</summary>
public sealed class AccountsOptions
{
    /// <summary>Seed one demo account per role. Honoured in Development only.</summary>
    public bool SeedDemoAccounts { get; set; }
}
