-- The minutes of a signed session: the PDF as signed off by the chair, with its SHA-256, kept once.
CREATE TABLE session_minutes (
    session_id  UUID        PRIMARY KEY REFERENCES commission_session (id),
    pdf         BYTEA       NOT NULL,
    sha256      TEXT        NOT NULL,
    signed_by   TEXT        NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL
);

-- Signed minutes never change.
CREATE FUNCTION session_minutes_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the minutes of session % are signed and final', OLD.session_id USING ERRCODE = '23514';
END $$;
CREATE TRIGGER session_minutes_final BEFORE UPDATE OR DELETE ON session_minutes FOR EACH ROW
    EXECUTE FUNCTION session_minutes_final();
