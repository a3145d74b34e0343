namespace CallVault.Simulator;

/// <summary>Start-up settings of a <see cref="TwilioSimulator"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The account SID (<c>AC</c> + 32 hex); generated from <see cref="Seed"/> when null.</summary>
    public string? AccountSid { get; init; }

    /// <summary>The auth token (HTTP Basic password and webhook signing key); generated when null.</summary>
    public string? AuthToken { get; init; }

    /// <summary>Seeds SID generation and fault injection so runs are reproducible.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Clock used for <c>date_created</c> of API-started recordings, call defaults and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (AccountSid is not null && !Core.Twilio.TwilioSid.IsValid(AccountSid, Core.Twilio.TwilioSid.Account))
        {
            throw new ArgumentException("AccountSid must be 'AC' followed by 32 hexadecimal digits.", nameof(AccountSid));
        }

        if (AuthToken is not null && string.IsNullOrWhiteSpace(AuthToken))
        {
            throw new ArgumentException("AuthToken must not be blank.", nameof(AuthToken));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
