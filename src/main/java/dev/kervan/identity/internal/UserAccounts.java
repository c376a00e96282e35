package dev.kervan.identity.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All users. */
interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	@Query("select * from app_user where lower(username) = lower(:username)")
	Optional<UserAccount> findByUsername(String username);

	@Query("select exists (select 1 from app_user where lower(username) = lower(:username))")
	boolean usernameTaken(String username);

	@Query("select exists (select 1 from app_user where lower(email) = lower(:email) and id <> :exceptId)")
	boolean emailTaken(String email, long exceptId);

	@Query("""
			select count(*) from app_user u join user_role r on r.app_user = u.id
			where u.active and r.role = 'ADMIN' and u.id <> :exceptId""")
	long countOtherActiveAdmins(long exceptId);

	@Query("select u.* from app_user u where u.active and exists (select 1 from user_role r where r.app_user = u.id and r.role = :role)")
	List<UserAccount> findActiveWithRole(String role);
}
