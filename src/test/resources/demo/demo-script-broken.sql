-- DemoScriptTest: the second statement fails, so the first must not stay
insert into demo_script_test (n) values (3);
insert into demo_script_test (n) values (1);
