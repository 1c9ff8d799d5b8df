using System.Buffers;
using System.Globalization;
using System.Text;

namespace Microchat.Server.Events;

/// <summary>
/// One server-sent event, encoded once. A conference event goes to every open stream of its
/// members: they all write these same bytes instead of each formatting the id and re-encoding the
/// data. The bytes are exactly what <see cref="System.Net.ServerSentEvents.SseFormatter"/> writes
/// for the same item (<c>event:</c>, <c>data:</c> per line, <c>id:</c>, a blank line).
/// </summary>
internal sealed class SseFrame
{
    private static ReadOnlySpan<byte> EventPrefix => "event: "u8;
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> IdPrefix => "id: "u8;
    private static ReadOnlySpan<byte> NewLine => "\n"u8;

    private SseFrame(byte[] bytes, bool delivers)
    {
        Bytes = bytes;
        Delivers = delivers;
    }

    /// <summary>The encoded event, ending with its blank line.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>True for a logged event (it has an id and is not a heartbeat or reset): what telemetry counts as delivered.</summary>
    public bool Delivers { get; }

    /// <summary>A frame for an event named <paramref name="name"/>, with an <c>id:</c> line unless <paramref name="id"/> is null.</summary>
    public static SseFrame Of(string name, string data, long? id) =>
        new(Encode(name, data, id), id is not null && name is not Contracts.EventNames.Heartbeat and not Contracts.EventNames.Reset);

    private static byte[] Encode(string name, string data, long? id)
    {
        var buffer = new ArrayBufferWriter<byte>(name.Length + data.Length + 48);
        buffer.Write(EventPrefix);
        Encoding.UTF8.GetBytes(name, buffer);
        buffer.Write(NewLine);
        WriteDataLines(buffer, Encoding.UTF8.GetBytes(data));
        buffer.Write(NewLine);
        if (id is { } value)
        {
            buffer.Write(IdPrefix);
            Encoding.UTF8.GetBytes(value.ToString(CultureInfo.InvariantCulture), buffer);
            buffer.Write(NewLine);
        }
        buffer.Write(NewLine);
        return buffer.WrittenSpan.ToArray();
    }

    // As the framework's formatter does: every line of the data gets its own "data: " prefix, and
    // "\r\n" or a lone '\r' ends a line like '\n'. The wire's JSON never holds a raw line break, but a
    // frame must not be able to end early if it did.
    private static void WriteDataLines(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> data)
    {
        while (true)
        {
            buffer.Write(DataPrefix);
            var i = data.IndexOfAny((byte)'\r', (byte)'\n');
            if (i < 0)
            {
                buffer.Write(data);
                return;
            }
            buffer.Write(data[..i]);
            buffer.Write(NewLine);
            var skip = data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n' ? 2 : 1;
            data = data[(i + skip)..];
        }
    }
}
