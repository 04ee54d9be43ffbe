-- Pre-aggregated counts of the two large read models: one row per combination of the columns the
-- figures' conditions and breakdowns read (territory, dates, category, type, agency...), with the
-- number of facts that have it. FigureQueries evaluates the same conditions over these cells
-- (sum(n) instead of count(*)), so the National report's cost follows the number of cells, not of
-- entries and measures. Kept by the same statements that write the facts: statement-level
-- triggers add the rows a statement inserted and move the rows it updated, from their old cell to
-- their new one, in the same transaction. A rebuild fills them from its shadow facts at the end
-- (FactStore.CELLS) and recreates the triggers on the tables it swaps in.
CREATE TABLE entry_cell (
    region         TEXT    NOT NULL,
    kato_1         TEXT    NOT NULL,
    kato_2         TEXT    NOT NULL,
    kato_3         TEXT    NOT NULL,
    kato_4         TEXT    NOT NULL,
    category       TEXT    NOT NULL,
    category_group TEXT    NOT NULL,
    minor          BOOLEAN NOT NULL,
    sex            TEXT,
    removal_reason TEXT,
    registered_on  DATE    NOT NULL,
    removed_on     DATE,
    n              BIGINT  NOT NULL,
    CONSTRAINT entry_cell_key UNIQUE NULLS NOT DISTINCT (region, kato_1, kato_2, kato_3, kato_4, category,
        category_group, minor, sex, removal_reason, registered_on, removed_on)
);

CREATE TABLE measure_cell (
    region       TEXT,
    kato_1       TEXT,
    kato_2       TEXT,
    kato_3       TEXT,
    kato_4       TEXT,
    type         TEXT,
    agency       TEXT,
    assigned_on  DATE,
    due_date     DATE,
    completed_on DATE,
    cancelled_on DATE,
    n            BIGINT NOT NULL,
    CONSTRAINT measure_cell_key UNIQUE NULLS NOT DISTINCT (region, kato_1, kato_2, kato_3, kato_4, type, agency,
        assigned_on, due_date, completed_on, cancelled_on)
);

-- The table names are unqualified on purpose: they resolve on the search path of the statement
-- that fired the trigger. Conflicts are inferred from the columns, not the constraint's name (a
-- rebuild's copy of the table has its own).
CREATE FUNCTION entry_cell_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO entry_cell AS c (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex, removal_reason,
            registered_on, removed_on, count(*)
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO entry_cell AS c (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex, removal_reason,
            registered_on, removed_on, sum(d)
        FROM (SELECT *, 1 AS d FROM new_rows UNION ALL SELECT *, -1 AS d FROM old_rows) x
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 HAVING sum(d) <> 0
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSE
        INSERT INTO entry_cell AS c (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex, removal_reason,
            registered_on, removed_on, -count(*)
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
            removal_reason, registered_on, removed_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION measure_cell_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO measure_cell AS c (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date, completed_on,
            cancelled_on, count(*)
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO measure_cell AS c (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date, completed_on,
            cancelled_on, sum(d)
        FROM (SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date, completed_on,
                  cancelled_on, 1 AS d FROM new_rows
              UNION ALL SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date, completed_on,
                  cancelled_on, -1 AS d FROM old_rows) x
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum(d) <> 0
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    ELSE
        INSERT INTO measure_cell AS c (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on, n)
        SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date, completed_on,
            cancelled_on, -count(*)
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        ON CONFLICT (region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
            completed_on, cancelled_on) DO UPDATE SET n = c.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER entry_cell_insert AFTER INSERT ON entry_fact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_cell_change();
CREATE TRIGGER entry_cell_update AFTER UPDATE ON entry_fact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_cell_change();
CREATE TRIGGER entry_cell_delete AFTER DELETE ON entry_fact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION entry_cell_change();
CREATE TRIGGER measure_cell_insert AFTER INSERT ON measure_fact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION measure_cell_change();
CREATE TRIGGER measure_cell_update AFTER UPDATE ON measure_fact REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION measure_cell_change();
CREATE TRIGGER measure_cell_delete AFTER DELETE ON measure_fact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION measure_cell_change();

-- Fills the cells from the facts, on the caller's search path: here for the facts written before
-- this migration, and by a rebuild for its shadow tables before it swaps them in (those have no
-- triggers while the replay writes them).
CREATE FUNCTION figure_cells_fill() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entry_cell;
    DELETE FROM measure_cell;
    INSERT INTO entry_cell SELECT region, kato_1, kato_2, kato_3, kato_4, category, category_group, minor, sex,
        removal_reason, registered_on, removed_on, count(*) FROM entry_fact GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
    INSERT INTO measure_cell SELECT region, kato_1, kato_2, kato_3, kato_4, type, agency, assigned_on, due_date,
        completed_on, cancelled_on, count(*) FROM measure_fact GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
END $$;

SELECT figure_cells_fill();
