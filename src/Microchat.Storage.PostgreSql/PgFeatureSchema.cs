using Microchat.Storage.PostgreSql.Stores;
using Npgsql;

namespace Microchat.Storage.PostgreSql;

/// <summary>
/// Schema step 2: reactions, edit history, the word indexes of search and bots' webhooks. A database
/// made by step 1 gets the new tables, and its existing messages and entities are indexed in the same step.
/// </summary>
internal static class PgFeatureSchema
{
    public static PgMigration Migration { get; } = new(
        """
        CREATE TABLE reactions (
            chat text NOT NULL, message_id bigint NOT NULL, emoji text NOT NULL, seq bigint NOT NULL,
            reactor_id bigint NOT NULL, reacted_at timestamptz NOT NULL,
            PRIMARY KEY (chat, message_id, emoji, seq));
        CREATE UNIQUE INDEX reactions_mine ON reactions (reactor_id, chat, message_id, emoji);
        -- One row per reacted message: its emoji in order of first use with their counts; its row lock
        -- serialises the message's reaction changes, so counts stay exact and the distinct-emoji limit holds.
        CREATE TABLE reaction_counts (
            chat text NOT NULL, message_id bigint NOT NULL,
            emojis text[] NOT NULL, counts integer[] NOT NULL, last_seq bigint NOT NULL,
            PRIMARY KEY (chat, message_id));

        CREATE TABLE message_versions (
            chat text NOT NULL, message_id bigint NOT NULL, seq integer NOT NULL, text text,
            attachment_ids bigint[] NOT NULL, attachment_kinds integer[] NOT NULL, attachment_media text[] NOT NULL,
            edited_at timestamptz NOT NULL,
            PRIMARY KEY (chat, message_id, seq));

        -- Words in byte order (collation "C"), so every word starting with a prefix is one range of the key.
        CREATE TABLE message_words (
            chat text NOT NULL, word text COLLATE "C" NOT NULL, message_id bigint NOT NULL, sent_at timestamptz NOT NULL,
            PRIMARY KEY (chat, word, message_id));
        CREATE TABLE entity_words (
            word text COLLATE "C" NOT NULL, entity_id bigint NOT NULL,
            PRIMARY KEY (word, entity_id));
        CREATE INDEX entity_words_entity ON entity_words (entity_id);

        CREATE TABLE webhooks (
            bot_id bigint PRIMARY KEY, url text NOT NULL, secret text NOT NULL, last_delivered_id bigint NOT NULL,
            last_error text, last_error_at timestamptz, lease_holder text, lease_until timestamptz);
        """,
        async (connection, ct) =>
        {
            await PgMessageWords.BackfillAsync(connection, ct);
            await PgEntityWords.BackfillAsync(connection, ct);
        });
}
