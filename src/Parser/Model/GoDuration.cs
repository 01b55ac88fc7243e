using System.Globalization;

namespace DockerLint.Parser.Model;

/// <summary>Parses durations in Go's <c>time.ParseDuration</c> format (<c>30s</c>, <c>1m30s</c>, <c>1.5h</c>, <c>500ms</c>).</summary>
public static class GoDuration
{
    /// <summary>The duration, or null when the text is not a Go duration.</summary>
    public static TimeSpan? Parse(string text)
    {
        var s = text.AsSpan();
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.SequenceEqual("0"))
        {
            return TimeSpan.Zero;
        }

        if (s.IsEmpty)
        {
            return null;
        }

        decimal ticks = 0;
        while (!s.IsEmpty)
        {
            var n = 0;
            while (n < s.Length && (char.IsAsciiDigit(s[n]) || s[n] == '.'))
            {
                n++;
            }

            if (n == 0 || n > 24 || !decimal.TryParse(s[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                || number > 1_000_000_000_000m)
            {
                return null;
            }

            s = s[n..];
            var u = 0;
            while (u < s.Length && !char.IsAsciiDigit(s[u]) && s[u] != '.')
            {
                u++;
            }

            decimal unit = s[..u] switch
            {
                "ns" => 0.01m,
                "us" or "µs" or "μs" => 10m,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => -1m,
            };
            if (unit < 0)
            {
                return null;
            }

            ticks += number * unit;
            if (ticks > long.MaxValue)
            {
                return null;
            }

            s = s[u..];
        }

        var result = TimeSpan.FromTicks((long)ticks);
        return negative ? result.Negate() : result;
    }
}
