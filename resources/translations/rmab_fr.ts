<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>%n min ago</source>
            <translation>
                <numerusform>il y a %n min</numerusform>
                <numerusform>il y a %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Today {time}</source>
            <translation>Aujourd’hui {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Tomorrow {time}</source>
            <translation>Demain {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>Yesterday {time}</source>
            <translation>Hier {time}</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>d MMM yyyy</source>
            <comment>a date far from today, in Qt date format</comment>
            <translation>d MMM yyyy</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>ddd d MMM yyyy HH:mm:ss</source>
            <comment>an exact time, in Qt format</comment>
            <translation>ddd d MMM yyyy HH:mm:ss</translation>
        </message>
        <message numerus="yes">
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>in %n min</source>
            <translation>
                <numerusform>dans %n min</numerusform>
                <numerusform>dans %n min</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>just now</source>
            <translation>à l’instant</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{days} d {hours} h</source>
            <translation>{days} j {hours} h</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{minutes} min</source>
            <translation>{minutes} min</translation>
        </message>
        <message>
            <location filename="../../rmab_desktop/ui/formatting.py" />
            <source>{size}/s</source>
            <translation>{size}/s</translation>
        </message>
    </context>
</TS>
