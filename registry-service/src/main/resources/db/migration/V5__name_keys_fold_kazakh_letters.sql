-- Look-alike search and duplicate detection fold Kazakh letters to the Russian ones a clerk types
-- for them (Names.key: қ/к, ғ/г, ұ/ү/у, і/и, ө/о, ә/а, ң/н, һ/х, ё/е). Keys stored before are
-- refolded with the same table, so old and new persons compare alike.
UPDATE person SET name_key = translate(name_key, 'қғұүіөәңһё', 'кгууиоанхе')
WHERE name_key ~ '[қғұүіөәңһё]';
