"""Wanted books for the ranking tests (realistic Audible-shaped metadata)."""

from __future__ import annotations

from rmab_desktop.domain.books import BookInfo


def book(title: str, authors: list[str], **kw: object) -> BookInfo:
    data: dict[str, object] = {"title": title, "authors": authors, "language": "english", **kw}
    return BookInfo.from_json(data)


DUNE = book(
    "Dune",
    ["Frank Herbert"],
    narrators=["Scott Brick"],
    series="Dune",
    series_position="1",
    runtime_minutes=1270,
)
HOUSEMAID = book(
    "The Housemaid",
    ["Freida McFadden"],
    series="The Housemaid",
    series_position="1",
    runtime_minutes=660,
    narrators=["Lauryn Allman"],
)
HOUSEMAID_SECRET = book(
    "The Housemaid's Secret",
    ["Freida McFadden"],
    series="The Housemaid",
    series_position="2",
    runtime_minutes=620,
)
IT = book("It", ["Stephen King"], runtime_minutes=2700, narrators=["Steven Weber"])
SHE = book(
    "She: A History of Adventure",
    ["H. Rider Haggard"],
    series="Ayesha",
    series_position="1",
    runtime_minutes=720,
)
FELLOWSHIP = book(
    "The Fellowship of the Ring",
    ["J.R.R. Tolkien"],
    series="The Lord of the Rings",
    series_position="1",
    runtime_minutes=1150,
    narrators=["Andy Serkis"],
)
CHAMBER = book(
    "Harry Potter and the Chamber of Secrets",
    ["J.K. Rowling"],
    series="Harry Potter",
    series_position="2",
    runtime_minutes=545,
    narrators=["Jim Dale"],
)
READY_TWO = book("Ready Player Two", ["Ernest Cline"], runtime_minutes=830, narrators=["Wil Wheaton"])
MISERABLES = book("Les Misérables", ["Victor Hugo", "Isabel F. Hapgood - translator"], runtime_minutes=3600)
WHITE_NIGHTS = book("Белые ночи", ["Фёдор Достоевский"], runtime_minutes=150, language="russian")
TOSHISHUN = book("杜子春", ["芥川 龍之介"], runtime_minutes=40, language="japanese")
GOOD_OMENS = book("Good Omens", ["Terry Pratchett", "Neil Gaiman"], runtime_minutes=760)
LEVIATHAN = book(
    "Leviathan Wakes",
    ["James S. A. Corey"],
    series="The Expanse",
    series_position="1",
    runtime_minutes=1200,
    narrators=["Jefferson Mays"],
)
WAY_OF_KINGS = book(
    "The Way of Kings",
    ["Brandon Sanderson"],
    series="The Stormlight Archive",
    series_position="1",
    runtime_minutes=2740,
    narrators=["Michael Kramer", "Kate Reading"],
)
HUNGER_GAMES = book(
    "The Hunger Games",
    ["Suzanne Collins"],
    series="The Hunger Games",
    series_position="1",
    runtime_minutes=680,
)
MARTIAN = book("The Martian", ["Andy Weir"], runtime_minutes=653, narrators=["R. C. Bray"])
THRAWN = book(
    "Star Wars: Thrawn",
    ["Timothy Zahn"],
    series="Star Wars: Thrawn",
    series_position="1",
    runtime_minutes=1000,
)
RELIC = book(
    "Relic", ["Douglas Preston, Lincoln Child"], series="Pendergast", series_position="1", runtime_minutes=900
)
DRAGON_TATTOO = book(
    "The Girl with the Dragon Tattoo",
    ["Stieg Larsson", "Reg Keeland (Translator)"],
    series="Millennium",
    series_position="1",
    runtime_minutes=1000,
)
NINETEEN = book("1984", ["George Orwell"], runtime_minutes=680)
CATCH22 = book("Catch-22", ["Joseph Heller"], runtime_minutes=1200)
ATOMIC = book(
    "Atomic Habits",
    ["James Clear"],
    subtitle="An Easy & Proven Way to Build Good Habits & Break Bad Ones",
    runtime_minutes=335,
)
DUNE_DRAMA = book("Dune (Dramatized Adaptation)", ["Frank Herbert"], runtime_minutes=700)
SAPIENS = book("Sapiens", ["Yuval Noah Harari"], subtitle="A Brief History of Humankind", runtime_minutes=930)
HOBBIT = book("The Hobbit", ["J. R. R. Tolkien"], runtime_minutes=660)
CARL_3 = book(
    "The Gate of the Feral Gods",
    ["Matt Dinniman"],
    series="Dungeon Crawler Carl",
    series_position="3",
    runtime_minutes=900,
)
DCC = book(
    "Dungeon Crawler Carl",
    ["Matt Dinniman"],
    series="Dungeon Crawler Carl",
    series_position="1",
    runtime_minutes=820,
)
ROCKY = book(
    "Kingdom of Ash", ["Sarah J. Maas"], series="Throne of Glass", series_position="7", runtime_minutes=2160
)
EMPIRE = book(
    "Heir to the Empire",
    ["Timothy Zahn"],
    series="Star Wars: The Thrawn Trilogy",
    series_position="1",
    runtime_minutes=840,
)
FIRST_LAW = book(
    "Before They Are Hanged",
    ["Joe Abercrombie"],
    series="The First Law",
    series_position="2",
    runtime_minutes=1200,
)
BOX = book(
    "The Hunger Games Trilogy",
    ["Suzanne Collins"],
    series="The Hunger Games",
    series_position="1-3",
    runtime_minutes=2000,
)
NO_RUNTIME = book("Project Hail Mary", ["Andy Weir"])
LEAGUES = book("Twenty Thousand Leagues Under the Sea", ["Jules Verne"], runtime_minutes=1300)
PRINCESS = book(
    "A Princess of Mars", ["Edgar Rice Burroughs"], series="Barsoom", series_position="1", runtime_minutes=420
)
GRIMM = book(
    "Kinder- und Hausmärchen (Gesamtausgabe)", ["Brüder Grimm"], runtime_minutes=2400, language="german"
)
FATHER_BROWN = book(
    "The Father Brown Collection: Books 1-4",
    ["G. K. Chesterton"],
    series="Father Brown",
    series_position="1-4",
    runtime_minutes=2500,
)
NOVELLA = book(
    "Edgedancer",
    ["Brandon Sanderson"],
    series="The Stormlight Archive",
    series_position="2.5",
    runtime_minutes=420,
)
CRIME = book("Crime and Punishment", ["Fyodor Dostoevsky"], runtime_minutes=1300)
DUNE_CHRONICLES = book(
    "Dune: Book One in the Dune Chronicles",
    ["Frank Herbert"],
    series="Dune Chronicles",
    series_position="1",
    runtime_minutes=1270,
)
THRONES = book(
    "A Game of Thrones",
    ["George R. R. Martin"],
    series="A Song of Ice and Fire",
    series_position="1",
    runtime_minutes=2000,
)
LEVIATHAN_AUDIBLE = book(
    "Leviathan Wakes (The Expanse, Book 1)", ["James S. A. Corey"], series="The Expanse", runtime_minutes=1200
)
NO_LANGUAGE = BookInfo.from_json(
    {"title": "Project Hail Mary", "authors": ["Andy Weir"], "runtime_minutes": 970}
)
AGATHA = book(
    "Agatha Christie: An Autobiography", ["Agatha Christie"], runtime_minutes=1200, narrators=["Eleanor Bron"]
)
PHM = book("Project Hail Mary", ["Andy Weir"], runtime_minutes=970, narrators=["Ray Porter"])
HAIL_MARY = book("Hail Mary", ["Someone Else"], runtime_minutes=400)
US = book("Us", ["David Nicholls"], runtime_minutes=720)
EDUCATED = book("Educated", ["Tara Westover"], subtitle="A Memoir", runtime_minutes=730)
BECOMING = book("Becoming", ["Michelle Obama"], runtime_minutes=1140)
ROOM = book("Room", ["Emma Donoghue"], runtime_minutes=780)
DRACULA = book("Dracula", ["Bram Stoker"], runtime_minutes=930)
GOBLET = book(
    "Harry Potter and the Goblet of Fire",
    ["J.K. Rowling"],
    series="Harry Potter",
    series_position="4",
    runtime_minutes=1240,
)
FOUNDATION = book(
    "Foundation", ["Isaac Asimov"], series="Foundation", series_position="1", runtime_minutes=510
)
THREE_BODY = book(
    "The Three-Body Problem",
    ["Cixin Liu", "Ken Liu - translator"],
    series="Remembrance of Earth's Past",
    series_position="1",
    runtime_minutes=810,
)
STEVE_JOBS = book("Steve Jobs", ["Walter Isaacson"], runtime_minutes=1510)
ELEVEN = book("11/22/63", ["Stephen King"], runtime_minutes=1850)
CARRIE = book("Carrie", ["Stephen King"], runtime_minutes=600)
CIRCE = book("Circe", ["Madeline Miller"], runtime_minutes=720, narrators=["Perdita Weeks"])
LOTR = book("The Lord of the Rings", ["J. R. R. Tolkien"], runtime_minutes=3300, narrators=["Rob Inglis"])
HITCHHIKER = book(
    "The Hitchhiker's Guide to the Galaxy",
    ["Douglas Adams"],
    series="Hitchhiker's Guide to the Galaxy",
    series_position="1",
    runtime_minutes=350,
)
AZKABAN = book(
    "Harry Potter and the Prisoner of Azkaban",
    ["J.K. Rowling"],
    series="Harry Potter",
    series_position="3",
    runtime_minutes=720,
    narrators=["Jim Dale"],
)
MURDERBOT = book(
    "All Systems Red",
    ["Martha Wells"],
    series="The Murderbot Diaries",
    series_position="1",
    runtime_minutes=195,
    narrators=["Kevin R. Free"],
)

# Catalog entries without a series (the release names the series itself) and authors given with
# initials or spelled out, across genres and languages.
FOUNDATION_NO_SERIES = book("Foundation", ["Isaac Asimov"], runtime_minutes=510)
DUNE_NO_SERIES = book("Dune", ["Frank Herbert"], runtime_minutes=1270)
THE_KING = book("The King", ["J. R. Ward"], runtime_minutes=900, narrators=["Jim Frangione"])
GUNSLINGER = book("The Gunslinger", ["Stephen King"], runtime_minutes=450, narrators=["George Guidall"])
STORM_FRONT = book("Storm Front", ["Jim Butcher"], runtime_minutes=470, narrators=["James Marsters"])
EARTHSEA = book("A Wizard of Earthsea", ["Ursula K. Le Guin"], runtime_minutes=500)
PETER_PAN = book("Peter Pan", ["J.M. Barrie"], runtime_minutes=300)
PETER_PAN_SPELLED = book("Peter Pan", ["James Matthew Barrie"], runtime_minutes=300)
PHILOSOPHER_SPELLED = book(
    "Harry Potter and the Philosopher's Stone", ["Joanne K. Rowling"], runtime_minutes=500
)
HOBBIT_SPELLED = book("The Hobbit", ["John Ronald Reuel Tolkien"], runtime_minutes=660)
HYPERION = book("Hyperion", ["Dan Simmons"], runtime_minutes=1270)
BLACK_COMPANY = book("The Black Company", ["Glen Cook"], runtime_minutes=680)
JUNGLE_BOOK = book("The Jungle Book", ["Rudyard Kipling"], runtime_minutes=400)
KILLING_FLOOR = book("Killing Floor", ["Lee Child"], runtime_minutes=890, narrators=["Dick Hill"])
NAME_OF_THE_WIND = book("The Name of the Wind", ["Patrick Rothfuss"], runtime_minutes=1660)
LAST_WISH = book("Der letzte Wunsch", ["Andrzej Sapkowski"], runtime_minutes=600, language="german")
PETIT_PRINCE = book("Le Petit Prince", ["Antoine de Saint-Exupéry"], runtime_minutes=100, language="french")
SOLEDAD = book("Cien años de soledad", ["Gabriel García Márquez"], runtime_minutes=900, language="spanish")
MASTER = book("Мастер и Маргарита", ["Михаил Булгаков"], runtime_minutes=1000, language="russian")
DEVOTION = book("容疑者Xの献身", ["東野圭吾"], runtime_minutes=600, language="japanese")
SAPIENS_INITIALS = book("Sapiens", ["Y. N. Harari"], runtime_minutes=930)
