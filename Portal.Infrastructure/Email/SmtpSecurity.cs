namespace Portal.Infrastructure.Email;

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
