namespace Portal.Domain.Notifications;

/// <summary>The server could not be reached or refused the session: no message is to blame.</summary>
public sealed class MailGatewayUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
